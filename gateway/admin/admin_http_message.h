#pragma once

// One admin request and its answer, free of any HTTP library: what AdminRouter works on.

#include <string>

namespace gateway::admin {

struct AdminHttpRequest {
  std::string method;         // "GET", "POST", ...
  std::string target;         // the request target as sent: "/accounts/ACC1"
  std::string adminUser;      // the X-Admin-User header; empty when absent
  std::string authorization;  // the Authorization header; empty when absent
  std::string body;
};

struct AdminHttpResponse {
  int status = 200;
  std::string json;             // the body, always a JSON document
  std::string allow;            // 405: the methods the route accepts (the Allow header)
  bool challengeBearer = false; // 401: send `WWW-Authenticate: Bearer`
};

}  // namespace gateway::admin
