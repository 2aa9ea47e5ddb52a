#include "tools/fix_load/load_sessions.h"

#include <sstream>

#include <quickfix/Dictionary.h>
#include <quickfix/Exceptions.h>
#include <quickfix/Values.h>

#include "tools/fix_load/name_format.h"

namespace fix_load {
namespace {

constexpr char kBeginString[] = "FIX.4.4";
constexpr int kHeartBtIntSeconds = 30;
constexpr int kReconnectIntervalSeconds = 1;
constexpr std::chrono::seconds kLogoutTimeout(5);
constexpr std::size_t kMaxNamedMissing = 10;

std::map<FIX::SessionID, std::string> passwordsOf(const LoadConfig& config, const std::vector<FIX::SessionID>& ids) {
  std::map<FIX::SessionID, std::string> passwords;
  if (config.passwordFormat.empty()) return passwords;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    passwords[ids[i]] = expandFormat(config.passwordFormat, static_cast<int>(i) + 1);
  }
  return passwords;
}

}  // namespace

std::vector<FIX::SessionID> loadSessionIds(const LoadConfig& config) {
  std::vector<FIX::SessionID> ids;
  for (int n = 1; n <= config.sessions; ++n) {
    ids.emplace_back(kBeginString, expandFormat(config.senderCompIdFormat, n), config.targetCompId);
  }
  return ids;
}

FIX::SessionSettings loadSessionSettings(const LoadConfig& config, const std::vector<FIX::SessionID>& ids) {
  FIX::Dictionary defaults;
  defaults.setString(FIX::CONNECTION_TYPE, "initiator");
  defaults.setString(FIX::SOCKET_CONNECT_HOST, config.host);
  defaults.setInt(FIX::SOCKET_CONNECT_PORT, config.port);
  defaults.setBool(FIX::SOCKET_NODELAY, true);
  defaults.setInt(FIX::HEARTBTINT, kHeartBtIntSeconds);
  defaults.setInt(FIX::RECONNECT_INTERVAL, kReconnectIntervalSeconds);
  defaults.setString(FIX::START_TIME, "00:00:00");
  defaults.setString(FIX::END_TIME, "00:00:00");
  defaults.setBool(FIX::RESET_ON_LOGON, config.resetOnLogon);
  // A load generator never resends orders: gaps are filled instead, and the store stays small.
  defaults.setBool(FIX::PERSIST_MESSAGES, false);
  if (config.dictionary.empty()) {
    defaults.setBool(FIX::USE_DATA_DICTIONARY, false);
  } else {
    defaults.setBool(FIX::USE_DATA_DICTIONARY, true);
    defaults.setString(FIX::DATA_DICTIONARY, config.dictionary);
  }
  FIX::SessionSettings settings;
  settings.set(defaults);
  for (const FIX::SessionID& id : ids) {
    FIX::Dictionary session;
    session.setString(FIX::BEGINSTRING, id.getBeginString());
    session.setString(FIX::SENDERCOMPID, id.getSenderCompID());
    session.setString(FIX::TARGETCOMPID, id.getTargetCompID());
    settings.set(id, session);
  }
  return settings;
}

LoadSessions::LoadSessions(const LoadConfig& config, const std::string& runTag)
    : config_(config), ids_(loadSessionIds(config)) {
  application_.reset(new LoadApplication(runTag, passwordsOf(config, ids_)));
}

LoadSessions::~LoadSessions() { stop(); }

bool LoadSessions::start(std::string& error) {
  const std::string target = config_.host + ":" + std::to_string(config_.port);
  try {
    initiator_.reset(new FIX::SocketInitiator(*application_, storeFactory_, loadSessionSettings(config_, ids_)));
    initiator_->start();
    running_ = true;
  } catch (const FIX::Exception& e) {
    error = "cannot start the FIX sessions to " + target + ": " + e.what();
    return false;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(config_.logonTimeoutSeconds);
  const bool all = application_->waitLoggedOn(ids_.size(), deadline);
  if (!all) {
    const std::set<FIX::SessionID> on = application_->loggedOn();
    std::ostringstream text;
    text << (ids_.size() - on.size()) << " of " << ids_.size() << " sessions did not log on to " << target
         << " within " << config_.logonTimeoutSeconds << " s:";
    std::size_t named = 0;
    for (const FIX::SessionID& id : ids_) {
      if (on.count(id)) continue;
      if (named++ == kMaxNamedMissing) {
        text << " ...";
        break;
      }
      text << " " << id.getSenderCompID();
      const std::string event = application_->lastEvent(id);
      if (!event.empty()) text << " (" << event << ")";
    }
    error = text.str();
    return false;
  }
  for (const FIX::SessionID& id : ids_) sessions_.push_back(FIX::Session::lookupSession(id));
  return true;
}

void LoadSessions::stop() {
  if (!running_) return;
  running_ = false;
  for (const FIX::SessionID& id : ids_) {
    FIX::Session* session = FIX::Session::lookupSession(id);
    if (session != nullptr && session->isLoggedOn()) session->logout();
  }
  application_->waitAllLoggedOut(std::chrono::steady_clock::now() + kLogoutTimeout);
  initiator_->stop(true);
}

}  // namespace fix_load
