#include "gateway/app/gateway_app.h"

#include <filesystem>
#include <stdexcept>

#include "gateway/admin/admin_http_server.h"
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
                 int timerMillis, const std::string& riskConfigPath, int adminPort, const std::string& adminToken)
      : config_(std::move(config)),
        fix_(std::move(fix)),
        log_(logDir + "/gateway.log"),
        core_(config_, fix_->clientSessions(), *fix_, log_),
        riskThread_(core_, clock_, risk::Duration::fromMillis(timerMillis)),
        admin_(core_, riskThread_, riskConfigPath),
        adminServer_(admin_, static_cast<unsigned short>(adminPort), adminOptions(adminToken)) {
    log_.becomeDefault();
  }

  ~GatewayAppImpl() override { stop(); }

  void start() override {
    riskThread_.start();
    started_ = true;
    fix_->start(riskThread_);
    std::string error;
    if (!adminServer_.start(error)) throw std::runtime_error("admin interface: " + error);
    log_.info("GATEWAY_STARTED admin on 127.0.0.1:" + std::to_string(adminServer_.port()));
  }

  void stop() override {
    if (!started_) return;
    started_ = false;
    log_.info("GATEWAY_STOPPING");
    adminServer_.stop();
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
  int adminPort() const override { return adminServer_.port(); }

 private:
  risk::RiskConfig config_;
  std::unique_ptr<fix::FixEngine> fix_;
  core::SpdlogBusinessLog log_;
  core::SystemClock clock_;
  core::GatewayCore core_;
  core::RiskThread riskThread_;
  admin::AdminServerOptions adminOptions(const std::string& token) {
    admin::AdminServerOptions options;
    options.token = token;
    options.requestLog = [this](std::string_view line) { log_.info(line); };
    return options;
  }

  GatewayAdminService admin_;
  admin::AdminHttpServer adminServer_;
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
  if (options.adminPort < 0 || options.adminPort > 65535) {
    error = "the admin port must be between 0 and 65535";
    return nullptr;
  }
  return std::make_unique<GatewayAppImpl>(*risk.config, std::move(engine), options.logDir, options.timerMillis,
                                          options.riskConfigPath, options.adminPort, options.adminToken);
}

}  // namespace gateway::app
