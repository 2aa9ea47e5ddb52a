#pragma once

// The AdminService of a running gateway: each request is parsed on the caller's (HTTP) thread,
// then run on the risk thread, in turn with the FIX traffic; the caller waits for the answer, which
// comes once the batch that applied the action has been committed to the store.

#include <string>

#include "gateway/core/admin_service.h"
#include "gateway/core/batch_committer.h"
#include "gateway/core/gateway_core.h"
#include "gateway/core/risk_thread.h"

namespace gateway::app {

class GatewayAdminService final : public core::AdminService {
 public:
  GatewayAdminService(core::GatewayCore& core, core::RiskThread& riskThread, core::BatchCommitter& committer,
                      std::string riskConfigPath);

  core::AdminResult confirmDeposit(const std::string& account, const std::string& amount,
                                   const std::string& reference, const core::AdminActor& actor) override;
  core::AdminResult withdraw(const std::string& account, const std::string& amount, const std::string& reference,
                             const core::AdminActor& actor) override;
  core::AdminResult halt(const std::string& account, const std::string& reason,
                         const core::AdminActor& actor) override;
  core::AdminResult resume(const std::string& account, const core::AdminActor& actor) override;
  core::AdminResult accountStatus(const std::string& account) override;
  core::AdminResult listAccounts() override;
  core::AdminResult reloadConfig(const core::AdminActor& actor) override;

 private:
  // Runs `work` on the risk thread and waits for its result.
  core::AdminResult onRiskThread(const std::function<core::AdminResult(risk::Timestamp)>& work);
  core::AdminResult moneyAction(const std::string& action, const std::string& account, const std::string& amount,
                                const std::string& reference, const core::AdminActor& actor);

  core::GatewayCore& core_;
  core::RiskThread& riskThread_;
  core::BatchCommitter& committer_;
  const std::string riskConfigPath_;
};

}  // namespace gateway::app
