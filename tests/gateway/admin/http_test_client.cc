#include "tests/gateway/admin/http_test_client.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

namespace gateway::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using asio::ip::tcp;

std::string lowerCase(beast::string_view text) {
  std::string lower(text.data(), text.size());
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

// Connect, write, read `answers` responses, each step's completion running the next.
class Session {
 public:
  Session(unsigned short port, const std::string& bytes, std::size_t answers)
      : stream_(context_), port_(port), bytes_(bytes), answers_(answers) {}

  HttpExchange run(std::chrono::seconds timeout) {
    stream_.expires_after(timeout);
    stream_.async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), port_), [this](beast::error_code ec) {
      if (fail(ec, "connect")) return;
      asio::async_write(stream_, asio::buffer(bytes_), [this](beast::error_code e, std::size_t) {
        if (!fail(e, "write")) readNext();
      });
    });
    context_.run_for(timeout + std::chrono::seconds(1));
    if (!result_.ok && result_.error.empty()) result_.error = "timed out";
    return result_;
  }

 private:
  bool fail(beast::error_code ec, const char* step) {
    if (!ec) return false;
    result_.error = std::string(step) + ": " + ec.message();
    return true;
  }

  void readNext() {
    if (result_.replies.size() == answers_) {
      result_.ok = true;
      return;
    }
    parser_.emplace();
    http::async_read(stream_, buffer_, *parser_, [this](beast::error_code ec, std::size_t) {
      if (fail(ec, "read")) return;
      HttpReply reply;
      const auto& message = parser_->get();
      reply.status = static_cast<int>(message.result_int());
      for (const auto& field : message) {
        reply.headers[lowerCase(field.name_string())] = std::string(field.value().data(), field.value().size());
      }
      reply.body = message.body();
      result_.replies.push_back(std::move(reply));
      readNext();
    });
  }

  asio::io_context context_;
  beast::tcp_stream stream_;
  unsigned short port_;
  const std::string& bytes_;
  std::size_t answers_;
  beast::flat_buffer buffer_;
  std::optional<http::response_parser<http::string_body>> parser_;
  HttpExchange result_;
};

}  // namespace

std::string httpRequest(const std::string& method, const std::string& target, const std::string& body,
                        const std::vector<std::string>& headers, bool keepAlive) {
  std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!body.empty() || method == "POST") text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  if (!keepAlive) text += "Connection: close\r\n";
  for (const std::string& header : headers) text += header + "\r\n";
  return text + "\r\n" + body;
}

HttpTestClient::HttpTestClient(unsigned short port, std::chrono::seconds timeout) : port_(port), timeout_(timeout) {}

HttpExchange HttpTestClient::exchange(const std::string& bytes, std::size_t answers) const {
  Session session(port_, bytes, answers);
  return session.run(timeout_);
}

HttpReply HttpTestClient::send(const std::string& method, const std::string& target, const std::string& body,
                               const std::vector<std::string>& headers) const {
  HttpExchange result = exchange(httpRequest(method, target, body, headers));
  if (!result.ok) {
    HttpReply failed;
    failed.body = result.error;
    return failed;
  }
  return result.replies.front();
}

}  // namespace gateway::testing
