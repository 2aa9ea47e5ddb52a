#pragma once

// An AdminService that records every call and answers with a canned result, for tests of the admin
// HTTP server and of gatewayctl. Called from the server's thread, read from the test's: locked.

#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "gateway/core/admin_service.h"

namespace gateway::testing {

struct AdminCall {
  std::string method;  // "confirmDeposit", "withdraw", "halt", "resume", "accountStatus", ...
  std::string account;
  std::string amount;
  std::string reference;
  std::string reason;
  std::string user;    // the actor; empty for the calls that take none
};

class FakeAdminService final : public core::AdminService {
 public:
  core::AdminResult confirmDeposit(const std::string& account, const std::string& amount,
                                   const std::string& reference, const core::AdminActor& actor) override {
    return record({"confirmDeposit", account, amount, reference, "", actor.user});
  }
  core::AdminResult withdraw(const std::string& account, const std::string& amount, const std::string& reference,
                             const core::AdminActor& actor) override {
    return record({"withdraw", account, amount, reference, "", actor.user});
  }
  core::AdminResult halt(const std::string& account, const std::string& reason,
                         const core::AdminActor& actor) override {
    return record({"halt", account, "", "", reason, actor.user});
  }
  core::AdminResult resume(const std::string& account, const core::AdminActor& actor) override {
    return record({"resume", account, "", "", "", actor.user});
  }
  core::AdminResult accountStatus(const std::string& account) override {
    return record({"accountStatus", account, "", "", "", ""});
  }
  core::AdminResult listAccounts() override { return record({"listAccounts", "", "", "", "", ""}); }
  core::AdminResult reloadConfig(const core::AdminActor& actor) override {
    return record({"reloadConfig", "", "", "", "", actor.user});
  }

  // Every later call answers with `result`.
  void answerWith(core::AdminResult result) {
    std::lock_guard lock(mutex_);
    result_ = std::move(result);
  }
  // Every later call throws.
  void failWith(std::string what) {
    std::lock_guard lock(mutex_);
    failure_ = std::move(what);
  }
  std::vector<AdminCall> calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
  }

 private:
  core::AdminResult record(AdminCall call) {
    std::lock_guard lock(mutex_);
    calls_.push_back(std::move(call));
    if (!failure_.empty()) throw std::runtime_error(failure_);
    return result_;
  }

  mutable std::mutex mutex_;
  std::vector<AdminCall> calls_;
  core::AdminResult result_{200, R"({"ok":true})"};
  std::string failure_;
};

}  // namespace gateway::testing
