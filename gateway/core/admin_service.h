#pragma once

// What the broker's admin interface can do, as the gateway core offers it. The HTTP server
// (gateway/admin) calls it from its own thread; the implementation runs each request on the risk
// thread and waits for its answer. Answers are JSON documents, ready to send.

#include <string>

namespace gateway::core {

struct AdminResult {
  int status = 200;   // HTTP status: 200 done, 400 bad request, 404 unknown account, 409 refused
  std::string json;   // the body: {"ok":true,...} or {"ok":false,"code":"...","message":"...",...}
};

// Who asked, for the audit trail: the admin user name the request carried (X-Admin-User header).
struct AdminActor {
  std::string user;
};

class AdminService {
 public:
  virtual ~AdminService() = default;

  // Money amounts arrive as decimal text ("12340.50"); a bad amount is a 400 naming the problem.
  virtual AdminResult confirmDeposit(const std::string& account, const std::string& amount,
                                     const std::string& reference, const AdminActor& actor) = 0;
  virtual AdminResult withdraw(const std::string& account, const std::string& amount, const std::string& reference,
                               const AdminActor& actor) = 0;
  virtual AdminResult halt(const std::string& account, const std::string& reason, const AdminActor& actor) = 0;
  virtual AdminResult resume(const std::string& account, const AdminActor& actor) = 0;
  // The numbers, the positions, the margin state and the open call, if any.
  virtual AdminResult accountStatus(const std::string& account) = 0;
  virtual AdminResult listAccounts() = 0;
  // Reads the risk configuration file again and applies it (refused whole if it cannot apply).
  virtual AdminResult reloadConfig(const AdminActor& actor) = 0;
};

}  // namespace gateway::core
