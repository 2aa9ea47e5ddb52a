#include "gateway/app/gateway_app.h"

#include <filesystem>
#include <stdexcept>

#include "gateway/admin/admin_http_server.h"
#include "gateway/app/gateway_admin_service.h"
#include "gateway/app/journal_replay.h"
#include "gateway/app/store_adapter.h"
#include "gateway/app/switchable_log.h"
#include "gateway/config/risk_config_loader.h"
#include "gateway/core/batch_committer.h"
#include "gateway/core/clock.h"
#include "gateway/core/deferred_outbox.h"
#include "gateway/core/gateway_core.h"
#include "gateway/core/journal_codec.h"
#include "gateway/core/recorder.h"
#include "gateway/core/risk_thread.h"
#include "gateway/core/spdlog_business_log.h"

namespace gateway::app {
namespace {

std::vector<std::string> sessionNames(const std::vector<bridge::ClientSessionConfig>& sessions) {
  std::vector<std::string> names;
  for (const auto& session : sessions) names.push_back(session.name);
  return names;
}

// What the gateway starts from: the configuration file now, and what its journal says.
struct StartingPoint {
  risk::RiskConfig currentConfig;
  std::string currentText;
  risk::RiskConfig coreConfig;  // the genesis configuration (the file's on a first start)
  core::GenesisInput genesis;
  bool firstStart = true;
  std::size_t recoveredBatches = 0;  // committed from the batch log the last run left
};

class GatewayAppImpl final : public GatewayApp {
 public:
  GatewayAppImpl(StartingPoint start, std::unique_ptr<fix::FixEngine> fix, std::unique_ptr<store::StoreWriter> writer,
                 std::unique_ptr<store::WriteBehindStore> behind, const GatewayAppOptions& options)
      : start_(std::move(start)),
        fix_(std::move(fix)),
        log_(options.logDir + "/gateway.log"),
        switchLog_(log_),
        databasePath_(options.dataDir + "/gateway.db"),
        store_(std::move(writer), std::move(behind)),
        recorder_(0),
        deferred_(*fix_),
        core_(start_.coreConfig, fix_->clientSessions(), deferred_, switchLog_, recorder_),
        riskThread_(core_, clock_, risk::Duration::fromMillis(options.timerMillis),
                    [this](risk::Timestamp now) { committer_.commitAndSend(now); }),
        committer_(core_, recorder_, store_, deferred_, switchLog_, riskThread_),
        admin_(core_, riskThread_, committer_, options.riskConfigPath),
        adminServer_(admin_, static_cast<unsigned short>(options.adminPort), adminOptions(options.adminToken)) {
    riskThread_.setInputsWaitingLimit(options.maxWaitingInputs);
    log_.becomeDefault();
  }

  ~GatewayAppImpl() override { stop(); }

  // Brings the core to where the journal left it (or writes the genesis record); on a problem the
  // gateway must not start, and `error` says why.
  bool recover(std::string& error) {
    const risk::Timestamp startedAt = clock_.now();
    if (start_.recoveredBatches != 0) {
      log_.info("STORE committed " + std::to_string(start_.recoveredBatches) + " batches from " + databasePath_ +
                "-batches that the last run recorded but had not written to the database");
    }
    if (start_.firstStart) {
      recorder_.journal("genesis", core::encodeJournalPayload(start_.genesis), startedAt);
      log_.info("STORE new at " + databasePath_ + ": journal started from the risk configuration");
    } else {
      switchLog_.mute(true);
      const ReplayResult replayed = replayJournal(databasePath_, start_.genesis, core_, recorder_, deferred_);
      switchLog_.mute(false);
      if (!replayed.error.empty()) {
        error = databasePath_ + ": " + replayed.error;
        return false;
      }
      if (recorder_.currentInput() != store_.lastJournalSeq()) {
        error = databasePath_ + ": the journal replayed to record " + std::to_string(recorder_.currentInput()) +
                " but ends at " + std::to_string(store_.lastJournalSeq());
        return false;
      }
      const risk::Timestamp now = clock_.now();
      core_.sessionsDownAfterRestart(now);
      if (replayed.lastConfigText != start_.currentText) {
        const risk::Events events =
            core_.applyAdmin(risk::ConfigReload{now, &start_.currentConfig}, "startup", now, start_.currentText);
        for (const risk::Event& event : events) {
          if (const auto* refused = std::get_if<risk::ConfigReloadRefused>(&event)) {
            log_.error("STARTUP_CONFIG_REFUSED the risk configuration file changed while the gateway was down and "
                       "cannot apply (" + refused->reason + "); the journal's configuration stays in force");
          }
        }
      }
      log_.info("RECOVERED " + std::to_string(replayed.records) + " journal records from " + databasePath_ + " in " +
                std::to_string((clock_.now() - startedAt).nanos / 1'000'000) + " ms: " + stateSummary());
    }
    if (const auto problem = store_.commit(recorder_.pending())) {
      error = "cannot write " + databasePath_ + ": " + *problem;
      return false;
    }
    recorder_.clearPending();
    return true;
  }

  void start() override {
    riskThread_.start();
    started_ = true;
    fix_->start(riskThread_, &committer_.tap());
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
  std::size_t accountCount() const override { return start_.currentConfig.accounts.size(); }
  std::size_t instrumentCount() const override { return start_.currentConfig.instruments.size(); }
  bool sequenceNumbers(const std::string& sender, const std::string& target,
                       fix::SequenceNumbers& numbers) const override {
    return fix_->sequenceNumbers(sender, target, numbers);
  }
  core::AdminService& admin() override { return admin_; }
  int adminPort() const override { return adminServer_.port(); }

 private:
  std::string stateSummary() const {
    const risk::RiskState& state = core_.engine().state();
    std::size_t positions = 0;
    std::size_t calls = 0;
    for (const risk::AccountState& account : state.accounts) {
      for (const risk::PositionState& position : account.positions) positions += position.quantity.isZero() ? 0 : 1;
      calls += account.call ? 1 : 0;
    }
    return std::to_string(positions) + " open position(s), " + std::to_string(state.orders.size()) +
           " open order(s), " + std::to_string(calls) + " open margin call(s)";
  }

  admin::AdminServerOptions adminOptions(const std::string& token) {
    admin::AdminServerOptions options;
    options.token = token;
    options.requestLog = [this](std::string_view line) { log_.info(line); };
    return options;
  }

  StartingPoint start_;
  std::unique_ptr<fix::FixEngine> fix_;
  core::SpdlogBusinessLog log_;
  SwitchableLog switchLog_;
  core::SystemClock clock_;
  const std::string databasePath_;
  StoreWriterAdapter store_;
  core::Recorder recorder_;
  core::DeferredOutbox deferred_;
  core::GatewayCore core_;
  core::RiskThread riskThread_;
  core::BatchCommitter committer_;
  GatewayAdminService admin_;
  admin::AdminHttpServer adminServer_;
  bool started_ = false;
};

std::string problemsOf(const config::RiskConfigLoad& load) {
  std::string text;
  for (const auto& problem : load.errors) text += (text.empty() ? "" : "\n") + problem.toString();
  return text;
}

}  // namespace

std::unique_ptr<GatewayApp> GatewayApp::create(const GatewayAppOptions& options, std::string& error) {
  StartingPoint start;
  const auto risk = config::loadRiskConfigFile(options.riskConfigPath);
  if (!risk.config) {
    error = problemsOf(risk);
    return nullptr;
  }
  start.currentConfig = *risk.config;
  start.currentText = risk.text;
  if (options.timerMillis <= 0) {
    error = "the timer period must be positive";
    return nullptr;
  }
  if (options.adminPort < 0 || options.adminPort > 65535) {
    error = "the admin port must be between 0 and 65535";
    return nullptr;
  }
  for (const std::string& folder : {options.logDir, options.dataDir}) {
    std::error_code created;
    std::filesystem::create_directories(folder, created);
    if (created) {
      error = "cannot create folder " + folder + ": " + created.message();
      return nullptr;
    }
  }
  store::StoreOptions storeOptions;
  storeOptions.fsyncEveryCommit = options.fsyncEveryCommit;
  const std::string databasePath = options.dataDir + "/gateway.db";
  std::unique_ptr<store::StoreWriter> writer = store::StoreWriter::open(databasePath, storeOptions, error);
  if (!writer) return nullptr;
  // Before anything reads the database: what the last run recorded in the batch log goes in first,
  // whether or not this run writes behind (a run with --fsync after one without must not skip it).
  std::unique_ptr<store::WriteBehindStore> behind;
  const std::string batchLogPath = databasePath + "-batches";
  const bool writeBehind = options.storeWriteBehind && !options.fsyncEveryCommit;
  if (writeBehind || std::filesystem::exists(batchLogPath)) {
    behind = store::WriteBehindStore::open(*writer, batchLogPath, store::BatchLog::kDefaultCapacity, error);
    if (!behind) return nullptr;
    start.recoveredBatches = behind->recoveredBatches();
    if (!writeBehind) behind.reset();  // committing on the risk thread from here on
  }

  fix::FixEngineOptions fixOptions = options.fix;
  if (fixOptions.messageLogPath.empty()) fixOptions.messageLogPath = options.logDir + "/fix-messages.log";
  if (fixOptions.sessionStorePath.empty() && options.persistentSessions) {
    fixOptions.sessionStorePath = options.dataDir + "/sessions.db";
  }
  std::unique_ptr<fix::FixEngine> engine = fix::FixEngine::create(fixOptions, error);
  if (!engine) return nullptr;

  const std::vector<std::string> sessions = sessionNames(engine->clientSessions());
  const auto genesis = readGenesis(databasePath, error);
  if (!error.empty()) return nullptr;
  if (genesis) {
    // Sessions are known to the journal by index: a restart may add sessions, not move or remove them.
    if (genesis->sessions.size() > sessions.size() ||
        !std::equal(genesis->sessions.begin(), genesis->sessions.end(), sessions.begin())) {
      error = databasePath + ": the FIX settings' client sessions no longer match the journal's (they may be added "
              "at the end, not removed or reordered)";
      return nullptr;
    }
    const auto load = config::loadRiskConfigText(genesis->configText, databasePath + " (genesis)");
    if (!load.config) {
      error = problemsOf(load);
      return nullptr;
    }
    start.coreConfig = *load.config;
    start.genesis = *genesis;
    start.firstStart = false;
  } else {
    start.coreConfig = start.currentConfig;
    start.genesis = core::GenesisInput{start.currentText, sessions};
  }
  auto app = std::make_unique<GatewayAppImpl>(std::move(start), std::move(engine), std::move(writer),
                                              std::move(behind), options);
  if (!app->recover(error)) return nullptr;
  return app;
}

}  // namespace gateway::app
