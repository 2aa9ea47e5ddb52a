#pragma once

// One HTTP/1.1 connection to the admin server: reads a request (body at most maxBodyBytes), answers
// it through AdminRouter, logs one line, and keeps the connection open when the client asks to.
// Lives on the server's single thread; owned by its pending operations (shared_from_this).

#include <array>
#include <memory>
#include <optional>
#include <string_view>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "gateway/admin/admin_router.h"
#include "gateway/admin/admin_server_options.h"

namespace gateway::admin {

class AdminConnection : public std::enable_shared_from_this<AdminConnection> {
 public:
  AdminConnection(boost::asio::ip::tcp::socket socket, const AdminRouter& router, const AdminServerOptions& options);

  void start();

 private:
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  void readRequest();
  void onRead(boost::beast::error_code ec);
  void answer(const AdminHttpResponse& response, bool keepAlive);
  void onWritten(boost::beast::error_code ec, bool keepAlive);
  // Closes after the answer without resetting the connection: stops sending, then reads and drops
  // what the client still sends (a refused large body) until it closes, for a short while.
  void lingerThenClose();
  void onDrained(boost::beast::error_code ec, std::size_t bytes);
  void logRequest(int status) const;

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  boost::beast::http::response<boost::beast::http::string_body> response_;
  std::array<char, 4096> drain_{};
  std::size_t drained_ = 0;
  const AdminRouter& router_;
  const AdminServerOptions& options_;
};

}  // namespace gateway::admin
