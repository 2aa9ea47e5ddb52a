#include "tests/gateway/app/resuming_client.h"

#include <quickfix/FieldNumbers.h>

#include "tests/gateway/fix/support/settings_text.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace gateway {
namespace testing {

constexpr std::chrono::seconds ResumingClient::kWait;

namespace {

std::string settingsText(const std::string& senderCompId, int port, const std::string& dictionaryPath) {
  return fix::testing::defaultSection(
             dictionaryPath, "ReconnectInterval=1\nResetOnLogon=N\nResetOnLogout=N\nResetOnDisconnect=N\nSocketNodelay=Y\n") +
         fix::testing::connectingSession(senderCompId, "BROKER", port);
}

}  // namespace

ResumingClient::ResumingClient(const std::string& senderCompId, const std::string& password, int port,
                               const std::string& dictionaryPath)
    : password_(password), id_("FIX.4.4", senderCompId, "BROKER") {
  std::istringstream text(settingsText(senderCompId, port, dictionaryPath));
  settings_ = FIX::SessionSettings(text);
  initiator_.reset(new FIX::SocketInitiator(*this, storeFactory_, settings_));
}

ResumingClient::~ResumingClient() { stop(); }

FIX::Session& ResumingClient::session() {
  FIX::Session* session = initiator_->getSession(id_);
  if (session == nullptr) throw std::logic_error("no session " + id_.toString());
  return *session;
}

void ResumingClient::start() {
  initiator_->start();
  started_ = true;
}

void ResumingClient::stop() {
  if (!started_) return;
  started_ = false;
  initiator_->stop(true);
}

bool ResumingClient::waitLogons(int count, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return loggedOn_ && logons_ >= count; });
}

bool ResumingClient::waitDisconnected(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return !loggedOn_ && disconnects_ > 0; });
}

int ResumingClient::logons() {
  std::lock_guard<std::mutex> lock(mutex_);
  return logons_;
}

bool ResumingClient::send(FIX::Message message) { return session().send(message); }

bool ResumingClient::waitFor(const std::string& msgType, const std::function<bool(const FIX::Message&)>& matches,
                             FIX::Message& message, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto wanted = [&](const Received& candidate) {
    return !candidate.taken && candidate.type == msgType && matches(candidate.message);
  };
  if (!changed_.wait_for(lock, timeout, [&] {
        return std::find_if(received_.begin(), received_.end(), wanted) != received_.end();
      })) {
    return false;
  }
  const auto it = std::find_if(received_.begin(), received_.end(), wanted);
  it->taken = true;
  message = it->message;
  return true;
}

int ResumingClient::count(const std::string& msgType, int logon,
                          const std::function<bool(const FIX::Message&)>& matches) {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(std::count_if(received_.begin(), received_.end(), [&](const Received& r) {
    return r.type == msgType && r.logon == logon && matches(r.message);
  }));
}

std::vector<FIX::Message> ResumingClient::received(const std::string& msgType, int logon) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<FIX::Message> messages;
  for (const Received& r : received_) {
    if (r.type == msgType && r.logon == logon) messages.push_back(r.message);
  }
  return messages;
}

int ResumingClient::nextSenderSeqNum() { return session().getExpectedSenderNum(); }

int ResumingClient::nextTargetSeqNum() { return session().getExpectedTargetNum(); }

void ResumingClient::onLogon(const FIX::SessionID&) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    loggedOn_ = true;
    ++logons_;
  }
  changed_.notify_all();
}

int ResumingClient::nextSenderAtDisconnect() {
  std::lock_guard<std::mutex> lock(mutex_);
  return nextSenderAtDisconnect_;
}

int ResumingClient::nextTargetAtDisconnect() {
  std::lock_guard<std::mutex> lock(mutex_);
  return nextTargetAtDisconnect_;
}

void ResumingClient::onLogout(const FIX::SessionID&) {
  // Called on the session's thread as it goes down, before it tries to connect again; also after each
  // failed attempt (QuickFIX had sent a Logon), which must not overwrite the numbers of the last logon.
  const int sender = session().getExpectedSenderNum();
  const int target = session().getExpectedTargetNum();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (loggedOn_) {
      nextSenderAtDisconnect_ = sender;
      nextTargetAtDisconnect_ = target;
    }
    loggedOn_ = false;
    ++disconnects_;
  }
  changed_.notify_all();
}

void ResumingClient::toAdmin(FIX::Message& message, const FIX::SessionID&) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == "A") message.setField(FIX::FIELD::Password, password_);
}

void ResumingClient::fromAdmin(const FIX::Message& message, const FIX::SessionID&)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  record(message);
}

void ResumingClient::fromApp(const FIX::Message& message, const FIX::SessionID&)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) {
  record(message);
}

void ResumingClient::record(const FIX::Message& message) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Received r;
    r.message = message;
    r.type = message.getHeader().getField(FIX::FIELD::MsgType);
    // A message that arrives before onLogon (the Logon answer itself) belongs to the coming logon.
    r.logon = loggedOn_ ? logons_ : logons_ + 1;
    received_.push_back(r);
  }
  changed_.notify_all();
}

}  // namespace testing
}  // namespace gateway
