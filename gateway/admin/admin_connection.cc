#include "gateway/admin/admin_connection.h"

#include <chrono>
#include <string>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/http/write.hpp>

#include "gateway/admin/admin_errors.h"
#include "gateway/admin/admin_path.h"
#include "gateway/admin/admin_request_log.h"

namespace gateway::admin {
namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;

constexpr std::uint32_t kMaxHeaderBytes = 16 * 1024;
constexpr std::size_t kMaxDrainBytes = 1024 * 1024;
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr unsigned kHttp11 = 11;
constexpr int kBadRequest = 400;
constexpr int kPayloadTooLarge = 413;
constexpr int kHeadersTooLarge = 431;

std::string text(beast::string_view view) { return std::string(view.data(), view.size()); }

bool isHttpParseError(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

AdminConnection::AdminConnection(boost::asio::ip::tcp::socket socket, const AdminRouter& router,
                                 const AdminServerOptions& options)
    : stream_(std::move(socket)), router_(router), options_(options) {}

void AdminConnection::start() { readRequest(); }

void AdminConnection::readRequest() {
  parser_.emplace();
  parser_->body_limit(options_.maxBodyBytes);
  parser_->header_limit(kMaxHeaderBytes);
  stream_.expires_after(options_.idleTimeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

void AdminConnection::onRead(beast::error_code ec) {
  if (ec == http::error::end_of_stream) {
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
    return;
  }
  if (ec == http::error::body_limit) {
    answer(errorResponse(kPayloadTooLarge, "BODY_TOO_LARGE",
                         "the request body is larger than " + std::to_string(options_.maxBodyBytes) + " bytes"),
           false);
    return;
  }
  if (ec == http::error::header_limit) {
    answer(errorResponse(kHeadersTooLarge, "HEADERS_TOO_LARGE", "the request headers are too large"), false);
    return;
  }
  if (ec && isHttpParseError(ec) && ec != http::error::partial_message) {
    answer(errorResponse(kBadRequest, "MALFORMED_HTTP", "the request is not valid HTTP/1.1: " + ec.message()), false);
    return;
  }
  if (ec) return;  // timed out, reset or cut short: nothing to answer

  const auto& message = parser_->get();
  AdminHttpRequest request;
  request.method = text(message.method_string());
  request.target = text(message.target());
  request.adminUser = text(message["X-Admin-User"]);
  request.authorization = text(message[http::field::authorization]);
  request.body = message.body();
  answer(router_.handle(request), message.keep_alive());
}

void AdminConnection::answer(const AdminHttpResponse& response, bool keepAlive) {
  logRequest(response.status);
  const unsigned version = parser_ && parser_->get().version() != 0 ? parser_->get().version() : kHttp11;
  response_ = {};
  response_.version(version);
  response_.result(static_cast<unsigned>(response.status));
  response_.set(http::field::content_type, "application/json");
  response_.set(http::field::cache_control, "no-store");
  if (!response.allow.empty()) response_.set(http::field::allow, response.allow);
  if (response.challengeBearer) response_.set(http::field::www_authenticate, "Bearer realm=\"risk-gateway-admin\"");
  response_.body() = response.json;
  response_.keep_alive(keepAlive);
  response_.prepare_payload();
  // A HEAD answer (always a 405 here) carries the headers of the GET answer and no body.
  if (parser_ && parser_->get().method() == http::verb::head) response_.body().clear();
  stream_.expires_after(options_.idleTimeout);
  http::async_write(stream_, response_, [self = shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
    self->onWritten(ec, keepAlive);
  });
}

void AdminConnection::onWritten(beast::error_code ec, bool keepAlive) {
  if (ec) return;
  if (keepAlive) {
    readRequest();
  } else {
    lingerThenClose();
  }
}

void AdminConnection::lingerThenClose() {
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kLingerTimeout);
  stream_.async_read_some(boost::asio::buffer(drain_), [self = shared_from_this()](beast::error_code ec,
                                                                                   std::size_t bytes) {
    self->onDrained(ec, bytes);
  });
}

void AdminConnection::onDrained(beast::error_code ec, std::size_t bytes) {
  drained_ += bytes;
  if (ec || drained_ > kMaxDrainBytes) {
    stream_.close();
    return;
  }
  stream_.async_read_some(boost::asio::buffer(drain_), [self = shared_from_this()](beast::error_code e,
                                                                                   std::size_t n) {
    self->onDrained(e, n);
  });
}

void AdminConnection::logRequest(int status) const {
  if (!options_.requestLog) return;
  std::string user, method, path;
  if (parser_) {
    const auto& message = parser_->get();
    user = text(message["X-Admin-User"]);
    method = text(message.method_string());
    path = std::string(pathOf(text(message.target())));
  }
  options_.requestLog(requestLogLine(user, method, path, status));
}

}  // namespace gateway::admin
