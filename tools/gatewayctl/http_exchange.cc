#include "tools/gatewayctl/http_exchange.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace gatewayctl {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using asio::ip::tcp;

constexpr unsigned kHttp11 = 11;
constexpr std::uint64_t kMaxAnswerBytes = 16 * 1024 * 1024;

// The exchange as a chain of asynchronous steps on one io_context, so that one deadline (the
// stream's expiry) covers connecting, writing and reading.
class Exchange {
 public:
  Exchange(const HttpTarget& target, const CtlRequest& request)
      : target_(target), stream_(context_), where_(target.host + ":" + std::to_string(target.port)) {
    request_.method_string(request.method);
    request_.target(request.target);
    request_.version(kHttp11);
    request_.set(http::field::host, target.host);
    request_.set(http::field::user_agent, "gatewayctl");
    request_.set(http::field::accept, "application/json");
    request_.set("X-Admin-User", target.user);
    if (!target.token.empty()) request_.set(http::field::authorization, "Bearer " + target.token);
    if (!request.body.empty()) {
      request_.set(http::field::content_type, "application/json");
      request_.body() = request.body;
    }
    request_.keep_alive(false);
    request_.prepare_payload();
    parser_.body_limit(kMaxAnswerBytes);
  }

  ExchangeResult run() {
    beast::error_code ec;
    tcp::resolver resolver(context_);
    const auto endpoints = resolver.resolve(target_.host, std::to_string(target_.port), ec);
    if (ec) return fail(ExchangeOutcome::kNoConnection, "cannot resolve " + target_.host + ": " + ec.message());
    stream_.expires_after(target_.timeout);
    stream_.async_connect(endpoints, [this](beast::error_code e, const tcp::endpoint&) { onConnected(e); });
    context_.run();
    return result_;
  }

 private:
  void onConnected(beast::error_code ec) {
    if (ec) {
      const std::string why = ec == beast::error::timeout ? "no answer within the time limit" : ec.message();
      result_ = fail(ExchangeOutcome::kNoConnection, "cannot connect to the gateway at " + where_ + ": " + why);
      return;
    }
    http::async_write(stream_, request_, [this](beast::error_code e, std::size_t) { onWritten(e); });
  }

  void onWritten(beast::error_code ec) {
    if (ec) {
      result_ = failed("sending the request", ec);
      return;
    }
    http::async_read(stream_, buffer_, parser_, [this](beast::error_code e, std::size_t) { onRead(e); });
  }

  void onRead(beast::error_code ec) {
    if (ec) {
      result_ = failed("reading the answer", ec);
      return;
    }
    result_.outcome = ExchangeOutcome::kAnswered;
    result_.status = static_cast<int>(parser_.get().result_int());
    result_.body = parser_.get().body();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  ExchangeResult failed(const std::string& step, beast::error_code ec) const {
    const std::string why = ec == beast::error::timeout ? "no answer within " + std::to_string(target_.timeout.count()) +
                                                              " s"
                                                        : ec.message();
    return fail(ExchangeOutcome::kFailed, "the gateway at " + where_ + " failed while " + step + ": " + why);
  }

  static ExchangeResult fail(ExchangeOutcome outcome, std::string error) {
    ExchangeResult result;
    result.outcome = outcome;
    result.error = std::move(error);
    return result;
  }

  const HttpTarget& target_;
  asio::io_context context_;
  beast::tcp_stream stream_;
  std::string where_;
  http::request<http::string_body> request_;
  beast::flat_buffer buffer_;
  http::response_parser<http::string_body> parser_;
  ExchangeResult result_;
};

}  // namespace

ExchangeResult exchange(const HttpTarget& target, const CtlRequest& request) {
  Exchange exchange(target, request);
  return exchange.run();
}

}  // namespace gatewayctl
