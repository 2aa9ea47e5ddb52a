#include "tests/gateway/fix/support/test_counterparty.h"

#include <quickfix/FieldNumbers.h>

#include "tests/gateway/fix/support/settings_text.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace gateway {
namespace fix {
namespace testing {
namespace {

std::string settingsText(const CounterpartyOptions& options) {
  // No automatic reconnection within a test: each attempt is the test's decision.
  const std::string defaults = defaultSection(GATEWAY_FIX_DICTIONARY, "ReconnectInterval=60\nSocketNodelay=Y\n");
  if (!options.acceptor) return defaults + connectingSession(options.senderCompId, options.targetCompId, options.port);
  return defaults +
         "[SESSION]\n"
         "ConnectionType=acceptor\n"
         "SenderCompID=" + options.senderCompId + "\n"
         "TargetCompID=" + options.targetCompId + "\n"
         "SocketAcceptPort=" + std::to_string(options.port) + "\n";
}

}  // namespace

TestCounterparty::TestCounterparty(const CounterpartyOptions& options)
    : options_(options), id_("FIX.4.4", options.senderCompId, options.targetCompId) {
  std::istringstream text(settingsText(options));
  settings_ = FIX::SessionSettings(text);
  if (options.acceptor) {
    acceptor_.reset(new FIX::SocketAcceptor(*this, storeFactory_, settings_));
  } else {
    initiator_.reset(new FIX::SocketInitiator(*this, storeFactory_, settings_));
  }
  if (options.nextSender > 0) session().setNextSenderMsgSeqNum(options.nextSender);
  if (options.nextTarget > 0) session().setNextTargetMsgSeqNum(options.nextTarget);
}

TestCounterparty::~TestCounterparty() { stop(); }

FIX::Session& TestCounterparty::session() {
  FIX::Session* session = acceptor_ ? acceptor_->getSession(id_) : initiator_->getSession(id_);
  if (session == nullptr) throw std::logic_error("no session " + id_.toString());
  return *session;
}

void TestCounterparty::start() {
  if (acceptor_) {
    acceptor_->start();
  } else {
    initiator_->start();
  }
  started_ = true;
}

void TestCounterparty::stop() {
  if (!started_) return;
  started_ = false;
  if (acceptor_) {
    acceptor_->stop(true);
  } else {
    initiator_->stop(true);
  }
}

bool TestCounterparty::logOut(std::chrono::milliseconds timeout) {
  session().logout();
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return !loggedOn_ && disconnects_ > 0; });
}

bool TestCounterparty::waitLoggedOn(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return loggedOn_; });
}

bool TestCounterparty::waitDisconnected(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return !loggedOn_ && disconnects_ > 0; });
}

bool TestCounterparty::isLoggedOn() {
  std::lock_guard<std::mutex> lock(mutex_);
  return loggedOn_;
}

bool TestCounterparty::send(FIX::Message message) { return session().send(message); }

bool TestCounterparty::waitForMessageWhere(const std::string& msgType,
                                           const std::function<bool(const FIX::Message&)>& wanted,
                                           FIX::Message& message, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto matches = [&](const FIX::Message& candidate) {
    return candidate.getHeader().getField(FIX::FIELD::MsgType) == msgType && wanted(candidate);
  };
  const bool found = changed_.wait_for(lock, timeout, [&] {
    return std::find_if(unread_.begin(), unread_.end(), matches) != unread_.end();
  });
  if (!found) return false;
  const auto it = std::find_if(unread_.begin(), unread_.end(), matches);
  message = *it;
  unread_.erase(it);
  return true;
}

bool TestCounterparty::waitForMessage(const std::string& msgType, FIX::Message& message,
                                      std::chrono::milliseconds timeout) {
  return waitForMessageWhere(msgType, [](const FIX::Message&) { return true; }, message, timeout);
}

std::vector<std::string> TestCounterparty::receivedTypes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return receivedTypes_;
}

void TestCounterparty::onLogon(const FIX::SessionID&) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    loggedOn_ = true;
  }
  changed_.notify_all();
}

void TestCounterparty::onLogout(const FIX::SessionID&) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    loggedOn_ = false;
    ++disconnects_;
  }
  changed_.notify_all();
}

void TestCounterparty::toAdmin(FIX::Message& message, const FIX::SessionID&) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) != "A") return;
  if (!options_.password.empty()) message.setField(FIX::FIELD::Password, options_.password);
  if (options_.resetOnLogon) message.setField(FIX::FIELD::ResetSeqNumFlag, "Y");
}

void TestCounterparty::fromAdmin(const FIX::Message& message, const FIX::SessionID&)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  received(message);
}

void TestCounterparty::fromApp(const FIX::Message& message, const FIX::SessionID&)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
          FIX::UnsupportedMessageType) {
  received(message);
}

void TestCounterparty::received(const FIX::Message& message) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    unread_.push_back(message);
    receivedTypes_.push_back(message.getHeader().getField(FIX::FIELD::MsgType));
  }
  changed_.notify_all();
}

}  // namespace testing
}  // namespace fix
}  // namespace gateway
