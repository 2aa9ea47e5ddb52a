#pragma once

// A plain HTTP/1.1 client for the admin server's tests: writes exactly the bytes given and reads the
// answers (Boost.Beast), every step bounded by a timeout. A new connection per call.

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gateway::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

struct HttpExchange {
  bool ok = false;     // every expected answer arrived
  std::string error;   // otherwise, why not
  std::vector<HttpReply> replies;
};

// "POST /x HTTP/1.1" with Host, Content-Length (when there is a body), Connection: close, then
// `headers` as given ("X-Admin-User: alice"), then the body.
std::string httpRequest(const std::string& method, const std::string& target, const std::string& body = "",
                        const std::vector<std::string>& headers = {}, bool keepAlive = false);

class HttpTestClient {
 public:
  explicit HttpTestClient(unsigned short port, std::chrono::seconds timeout = std::chrono::seconds(10));

  // Writes `bytes` on a new connection and reads `answers` responses.
  HttpExchange exchange(const std::string& bytes, std::size_t answers = 1) const;

  // One request and its answer; a failed exchange is reported as status 0 with the error as body.
  HttpReply send(const std::string& method, const std::string& target, const std::string& body = "",
                 const std::vector<std::string>& headers = {}) const;

 private:
  unsigned short port_;
  std::chrono::seconds timeout_;
};

}  // namespace gateway::testing
