#include "tools/fix_client/client_session.h"

#include <thread>

#include <quickfix/Dictionary.h>
#include <quickfix/Exceptions.h>
#include <quickfix/Session.h>

namespace fix_client {
namespace {

constexpr int kHeartBtIntSeconds = 30;
constexpr int kReconnectIntervalSeconds = 1;
constexpr std::chrono::seconds kLogonTimeout(10);
constexpr std::chrono::seconds kLogoutTimeout(3);
// QuickFIX's poll does not block (select with a zero timeout): pause this long between polls.
constexpr std::chrono::milliseconds kPollPause(1);

}  // namespace

FIX::SessionSettings clientSessionSettings(const ClientOptions& options, FIX::SessionID& id) {
  id = FIX::SessionID("FIX.4.4", options.senderCompId, options.targetCompId);
  FIX::Dictionary session;
  session.setString("ConnectionType", "initiator");
  session.setString("SocketConnectHost", options.host);
  session.setInt("SocketConnectPort", options.port);
  session.setBool("SocketNodelay", true);
  session.setInt("HeartBtInt", kHeartBtIntSeconds);
  session.setInt("ReconnectInterval", kReconnectIntervalSeconds);
  session.setString("StartTime", "00:00:00");
  session.setString("EndTime", "00:00:00");
  session.setBool("UseDataDictionary", true);
  session.setString("DataDictionary", options.dictionary);
  session.setBool("ResetOnLogon", options.reset);
  FIX::SessionSettings settings;
  settings.set(id, session);
  return settings;
}

ClientSession::ClientSession(const ClientOptions& options, ClientApplication& application,
                             MessageFileLogFactory& logFactory)
    : options_(options), application_(application), logFactory_(logFactory) {}

ClientSession::~ClientSession() { stop(); }

bool ClientSession::start(std::string& error) {
  const std::string target = options_.host + ":" + std::to_string(options_.port);
  try {
    const FIX::SessionSettings settings = clientSessionSettings(options_, sessionId_);
    initiator_.reset(
        new FIX::SocketInitiator(application_, storeFactory_, settings, logFactory_));
    initiator_->poll(0.0);  // the first poll configures the session and connects
  } catch (const FIX::Exception& e) {
    error = "cannot start the FIX session to " + target + ": " + e.what();
    stopped_ = true;
    return false;
  }
  pumpUntil([this] { return application_.state() != SessionState::kConnecting; },
            Clock::now() + kLogonTimeout);
  const std::string reason = application_.reason();
  switch (application_.state()) {
    case SessionState::kLoggedOn:
      return true;
    case SessionState::kConnecting:
      error = "no logon to " + target + " within 10 s" +
              (reason.empty() ? std::string() : " (last event: " + reason + ")");
      return false;
    default:
      error = "logon to " + target + " refused" + (reason.empty() ? "" : ": " + reason);
      return false;
  }
}

void ClientSession::pollOnce() {
  if (stopped_) return;
  try {
    initiator_->poll(0.0);
  } catch (const FIX::Exception& e) {
    application_.onEvent(std::string("poll failed: ") + e.what());
  }
}

bool ClientSession::pumpUntil(const std::function<bool()>& done, Clock::time_point deadline) {
  while (true) {
    if (done()) return true;
    if (Clock::now() >= deadline) return false;
    pollOnce();
    if (done()) return true;
    std::this_thread::sleep_for(kPollPause);
  }
}

bool ClientSession::send(FIX::Message& message, std::string& error) {
  FIX::Session* session = stopped_ ? nullptr : FIX::Session::lookupSession(sessionId_);
  if (session == nullptr || application_.state() != SessionState::kLoggedOn) {
    error = "the session is not logged on";
    return false;
  }
  if (!session->send(message)) {
    error = "QuickFIX could not send the message (connection lost?)";
    return false;
  }
  return true;
}

void ClientSession::stop() {
  if (stopped_ || !initiator_) return;
  application_.expectLogout();
  FIX::Session* session = FIX::Session::lookupSession(sessionId_);
  if (session != nullptr) {
    session->logout();
    pumpUntil([this] { return application_.state() != SessionState::kLoggedOn; },
              Clock::now() + kLogoutTimeout);
  }
  stopped_ = true;
  initiator_->stop(true);
}

}  // namespace fix_client
