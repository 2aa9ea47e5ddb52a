#include "gateway/app/journal_replay.h"

#include "gateway/config/risk_config_loader.h"
#include "gateway/core/journal_codec.h"
#include "store/journal_reader.h"

namespace gateway::app {
namespace {

// An admin record as the risk-core input it was; views point into `admin` (and `config`).
risk::Events applyAdmin(core::GatewayCore& core, const core::AdminInput& admin, risk::Timestamp time,
                        std::string& error) {
  const risk::Money amount = risk::Money::fromRaw(admin.amount);
  if (admin.action == "deposit") {
    return core.applyAdmin(risk::Deposit{time, admin.account, amount, admin.reference}, admin.user, time);
  }
  if (admin.action == "withdrawal") {
    return core.applyAdmin(risk::Withdrawal{time, admin.account, amount, admin.reference}, admin.user, time);
  }
  if (admin.action == "halt") return core.applyAdmin(risk::Halt{time, admin.account, admin.reason}, admin.user, time);
  if (admin.action == "resume") return core.applyAdmin(risk::Resume{time, admin.account}, admin.user, time);
  if (admin.action == "reload") {
    const auto load = config::loadRiskConfigText(admin.configText, "journal");
    if (!load.config) {
      error = "a journaled configuration no longer loads: " +
              (load.errors.empty() ? std::string("?") : load.errors.front().toString());
      return {};
    }
    return core.applyAdmin(risk::ConfigReload{time, &*load.config}, admin.user, time, admin.configText);
  }
  error = "unknown admin action \"" + admin.action + "\"";
  return {};
}

}  // namespace

std::optional<core::GenesisInput> readGenesis(const std::string& databasePath, std::string& error) {
  std::optional<core::GenesisInput> genesis;
  const auto problem = store::readJournal(databasePath, 0, [&](const store::JournalRecord& record) {
    std::string decodeError;
    auto input = core::decodeJournal(record.kind, record.payload, decodeError);
    if (record.seq != 1 || !input || !std::holds_alternative<core::GenesisInput>(*input)) {
      error = "journal record " + std::to_string(record.seq) + " should be the genesis record" +
              (decodeError.empty() ? "" : ": " + decodeError);
      return false;
    }
    genesis = std::get<core::GenesisInput>(std::move(*input));
    return false;  // only the first record
  });
  if (problem) error = *problem;
  return error.empty() ? genesis : std::nullopt;
}

ReplayResult replayJournal(const std::string& databasePath, const core::GenesisInput& genesis,
                           core::GatewayCore& core, core::Recorder& recorder, core::DeferredOutbox& outbox) {
  ReplayResult result;
  result.lastConfigText = genesis.configText;
  recorder.beginReplay();
  const auto problem = store::readJournal(databasePath, 1, [&](const store::JournalRecord& record) {
    std::string error;
    const auto input = core::decodeJournal(record.kind, record.payload, error);
    if (!input) {
      result.error = "journal record " + std::to_string(record.seq) + ": " + error;
      return false;
    }
    recorder.setLastJournalSeq(record.seq - 1);
    const risk::Timestamp time{record.timeNs};
    if (const auto* admin = std::get_if<core::AdminInput>(&*input)) {
      applyAdmin(core, *admin, time, error);
      if (admin->action == "reload") result.lastConfigText = admin->configText;
    } else if (std::holds_alternative<core::GenesisInput>(*input)) {
      error = "a second genesis record";
    } else {
      core.replay(*input, time);
    }
    if (!error.empty()) {
      result.error = "journal record " + std::to_string(record.seq) + ": " + error;
      return false;
    }
    if (recorder.currentInput() != record.seq) {
      result.error = "journal record " + std::to_string(record.seq) + " (" + record.kind +
                     ") did not replay as one input";
      return false;
    }
    outbox.discard();  // sent in the process's earlier life
    ++result.records;
    return true;
  });
  recorder.endReplay();
  if (problem) result.error = *problem;
  return result;
}

}  // namespace gateway::app
