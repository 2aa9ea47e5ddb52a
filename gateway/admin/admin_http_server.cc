#include "gateway/admin/admin_http_server.h"

#include <chrono>
#include <exception>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/socket_base.hpp>
#include <boost/asio/steady_timer.hpp>

#include "gateway/admin/admin_connection.h"
#include "gateway/admin/admin_router.h"

namespace gateway::admin {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// After an accept failure (out of file descriptors, say) the next accept waits this long, so that
// the thread does not spin.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

}  // namespace

// What exists while the server runs: the io_context, the listening socket and the thread.
class AdminHttpServer::Running {
 public:
  Running(core::AdminService& service, const AdminServerOptions& options)
      : router_(service, options.token), options_(options), acceptor_(context_), retry_(context_) {}

  ~Running() {
    context_.stop();
    if (thread_.joinable()) thread_.join();
  }

  bool listen(unsigned short port, std::string& error) {
    const tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
    boost::system::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      error = "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + ec.message();
      return false;
    }
    port_ = acceptor_.local_endpoint().port();
    return true;
  }

  void run() {
    accept();
    thread_ = std::thread([this] { serve(); });
  }

  unsigned short port() const { return port_; }

 private:
  void serve() {
    while (true) {
      try {
        context_.run();
        return;
      } catch (const std::exception& e) {
        if (options_.requestLog) options_.requestLog(std::string("ADMIN_SERVER_ERROR ") + e.what());
      }
    }
  }

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (ec) {
        retry_.expires_after(kAcceptRetryDelay);
        retry_.async_wait([this](boost::system::error_code waited) {
          if (!waited) accept();
        });
        return;
      }
      std::make_shared<AdminConnection>(std::move(socket), router_, options_)->start();
      accept();
    });
  }

  AdminRouter router_;
  const AdminServerOptions& options_;
  asio::io_context context_{1};
  tcp::acceptor acceptor_;
  asio::steady_timer retry_;
  unsigned short port_ = 0;
  std::thread thread_;
};

AdminHttpServer::AdminHttpServer(core::AdminService& service, unsigned short port, AdminServerOptions options)
    : service_(service), requestedPort_(port), options_(std::move(options)) {}

AdminHttpServer::~AdminHttpServer() { stop(); }

bool AdminHttpServer::start(std::string& error) {
  if (running_) return true;
  auto running = std::make_unique<Running>(service_, options_);
  if (!running->listen(requestedPort_, error)) return false;
  running->run();
  running_ = std::move(running);
  return true;
}

void AdminHttpServer::stop() { running_.reset(); }

bool AdminHttpServer::running() const { return running_ != nullptr; }

unsigned short AdminHttpServer::port() const { return running_ ? running_->port() : 0; }

}  // namespace gateway::admin
