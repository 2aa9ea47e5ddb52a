#include "gateway/app/gateway_app.h"

#include <filesystem>

#include "gateway/app/gateway_admin_service.h"
#include "gateway/config/risk_config_loader.h"
#include "gateway/core/clock.h"
#include "gateway/core/gateway_core.h"
#include "gateway/core/risk_thread.h"
#include "gateway/core/spdlog_business_log.h"

namespace gateway::app {
namespace {

class GatewayAppImpl final : public GatewayApp {
 public:
  GatewayAppImpl(risk::RiskConfig config, std::unique_ptr<fix::FixEngine> fix, const std::string& logDir,
                 int timerMillis, const std::string& riskConfigPath)
      : config_(std::move(config)),
        fix_(std::move(fix)),
        log_(logDir + "/gateway.log"),
        core_(config_, fix_->clientSessions(), *fix_, log_),
        riskThread_(core_, clock_, risk::Duration::fromMillis(timerMillis)),
        admin_(core_, riskThread_, riskConfigPath) {
    log_.becomeDefault();
  }

  ~GatewayAppImpl() override { stop(); }

  void start() override {
    riskThread_.start();
    fix_->start(riskThread_);
    started_ = true;
    log_.info("GATEWAY_STARTED");
  }

  void stop() override {
    if (!started_) return;
    started_ = false;
    log_.info("GATEWAY_STOPPING");
    fix_->stop();
    riskThread_.stop();
  }

  std::size_t clientSessionCount() const override { return fix_->clientSessions().size(); }
  std::size_t accountCount() const override { return config_.accounts.size(); }
  std::size_t instrumentCount() const override { return config_.instruments.size(); }
  bool sequenceNumbers(const std::string& sender, const std::string& target,
                       fix::SequenceNumbers& numbers) const override {
    return fix_->sequenceNumbers(sender, target, numbers);
  }
  core::AdminService& admin() override { return admin_; }

 private:
  risk::RiskConfig config_;
  std::unique_ptr<fix::FixEngine> fix_;
  core::SpdlogBusinessLog log_;
  core::SystemClock clock_;
  core::GatewayCore core_;
  core::RiskThread riskThread_;
  GatewayAdminService admin_;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<GatewayApp> GatewayApp::create(const GatewayAppOptions& options, std::string& error) {
  const auto risk = config::loadRiskConfigFile(options.riskConfigPath);
  if (!risk.config) {
    error.clear();
    for (const auto& problem : risk.errors) error += (error.empty() ? "" : "\n") + problem.toString();
    return nullptr;
  }
  if (options.timerMillis <= 0) {
    error = "the timer period must be positive";
    return nullptr;
  }
  std::error_code created;
  std::filesystem::create_directories(options.logDir, created);
  if (created) {
    error = "cannot create log folder " + options.logDir + ": " + created.message();
    return nullptr;
  }
  fix::FixEngineOptions fixOptions = options.fix;
  if (fixOptions.messageLogPath.empty()) fixOptions.messageLogPath = options.logDir + "/fix-messages.log";
  std::unique_ptr<fix::FixEngine> engine = fix::FixEngine::create(fixOptions, error);
  if (!engine) return nullptr;
  return std::make_unique<GatewayAppImpl>(*risk.config, std::move(engine), options.logDir, options.timerMillis,
                                          options.riskConfigPath);
}

}  // namespace gateway::app
