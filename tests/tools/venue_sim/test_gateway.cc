#include "tests/tools/venue_sim/test_gateway.h"

#include <quickfix/FixFieldNumbers.h>
#include <quickfix/Session.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/fix44/TestRequest.h>

#include <thread>

namespace venue_sim_test {
namespace {

constexpr std::chrono::milliseconds kStopProbeInterval{20};

FIX::SessionSettings initiatorSettings(const FIX::SessionID& id, int port, const std::string& dictionaryPath) {
  FIX::Dictionary defaults;
  defaults.setString(FIX::CONNECTION_TYPE, "initiator");
  defaults.setString(FIX::SOCKET_CONNECT_HOST, "127.0.0.1");
  defaults.setInt(FIX::SOCKET_CONNECT_PORT, port);
  defaults.setInt(FIX::HEARTBTINT, 30);
  defaults.setInt(FIX::RECONNECT_INTERVAL, 1);
  defaults.setBool(FIX::SOCKET_NODELAY, true);
  defaults.setBool(FIX::RESET_ON_LOGON, true);
  defaults.setString(FIX::START_TIME, "00:00:00");
  defaults.setString(FIX::END_TIME, "00:00:00");
  defaults.setBool(FIX::USE_DATA_DICTIONARY, true);
  defaults.setString(FIX::DATA_DICTIONARY, dictionaryPath);
  FIX::Dictionary session;
  session.setString(FIX::BEGINSTRING, id.getBeginString().getValue());
  session.setString(FIX::SENDERCOMPID, id.getSenderCompID().getValue());
  session.setString(FIX::TARGETCOMPID, id.getTargetCompID().getValue());
  FIX::SessionSettings settings;
  settings.set(defaults);
  settings.set(id, session);
  return settings;
}

}  // namespace

TestGateway::TestGateway(int port, const std::string& senderCompId, const std::string& targetCompId,
                         const std::string& dictionaryPath)
    : sessionId_("FIX.4.4", senderCompId, targetCompId) {
  initiator_.reset(new FIX::SocketInitiator(*this, storeFactory_, initiatorSettings(sessionId_, port, dictionaryPath)));
}

TestGateway::~TestGateway() { stop(); }

void TestGateway::start() {
  initiator_->start();
  started_ = true;
}

bool TestGateway::waitForLogon(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return loggedOn_; });
}

void TestGateway::stop() {
  if (!started_) return;
  started_ = false;
  // The initiator's thread only notices the stop when its select() returns, which takes up to
  // a second without traffic. While the stop runs, ask the venue for heartbeats: their arrival
  // wakes the thread at once. (A heartbeat that arrives before the stop just costs that second.)
  std::mutex doneMutex;
  std::condition_variable doneChanged;
  bool done = false;
  std::thread stopper([&] {
    initiator_->stop(true);
    std::lock_guard<std::mutex> lock(doneMutex);
    done = true;
    doneChanged.notify_all();
  });
  std::unique_lock<std::mutex> lock(doneMutex);
  for (int probe = 1; !done; ++probe) {
    lock.unlock();
    FIX::Session* session = FIX::Session::lookupSession(sessionId_);
    if (session != nullptr && session->isLoggedOn()) {
      FIX44::TestRequest request;
      request.set(FIX::TestReqID("stop-" + std::to_string(probe)));
      session->send(request);
    }
    lock.lock();
    doneChanged.wait_for(lock, kStopProbeInterval, [&] { return done; });
  }
  lock.unlock();
  stopper.join();
}

int TestGateway::send(FIX::Message message) {
  FIX::Session* session = FIX::Session::lookupSession(sessionId_);
  if (session == nullptr || !session->send(message)) return 0;
  return std::stoi(message.getHeader().getField(FIX::FIELD::MsgSeqNum));
}

bool TestGateway::waitFor(const std::function<bool(const FIX::Message&)>& match, FIX::Message& found,
                          std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] {
    for (const FIX::Message& message : received_) {
      if (match(message)) {
        found = message;
        return true;
      }
    }
    return false;
  });
}

std::vector<FIX::Message> TestGateway::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

void TestGateway::keep(const FIX::Message& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  received_.push_back(message);
  changed_.notify_all();
}

void TestGateway::onLogon(const FIX::SessionID&) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = true;
  changed_.notify_all();
}

void TestGateway::onLogout(const FIX::SessionID&) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = false;
  changed_.notify_all();
}

void TestGateway::fromAdmin(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == "3") keep(message);
}

void TestGateway::fromApp(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) {
  keep(message);
}

}  // namespace venue_sim_test
