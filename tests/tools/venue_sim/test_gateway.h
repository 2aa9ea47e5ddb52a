#pragma once

// A QuickFIX initiator that plays the gateway against the venue: logs on, sends what a test
// builds, and keeps every application message (and session Reject) it receives. Waiting is on a
// condition variable with a timeout; nothing sleeps.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <quickfix/Application.h>
#include <quickfix/Message.h>
#include <quickfix/MessageStore.h>
#include <quickfix/SessionID.h>
#include <quickfix/SocketInitiator.h>

namespace venue_sim_test {

constexpr std::chrono::milliseconds kWaitTimeout{5000};

class TestGateway : public FIX::Application {
 public:
  TestGateway(int port, const std::string& senderCompId, const std::string& targetCompId,
              const std::string& dictionaryPath);
  ~TestGateway() override;

  void start();
  bool waitForLogon(std::chrono::milliseconds timeout = kWaitTimeout);
  // Force-stops the initiator (no logout handshake): the venue sees the connection close.
  void stop();

  // Sends on the session; returns the MsgSeqNum it went out with (0 if it was not sent).
  int send(FIX::Message message);

  // The first received message (oldest first) for which `match` is true, waiting up to `timeout`.
  bool waitFor(const std::function<bool(const FIX::Message&)>& match, FIX::Message& found,
               std::chrono::milliseconds timeout = kWaitTimeout);
  std::vector<FIX::Message> received() const;

  // FIX::Application
  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID&) override;
  void onLogout(const FIX::SessionID&) override;
  void toAdmin(FIX::Message&, const FIX::SessionID&) override {}
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message& message, const FIX::SessionID&) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID&) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override;

 private:
  void keep(const FIX::Message& message);

  FIX::SessionID sessionId_;
  FIX::MemoryStoreFactory storeFactory_;
  std::unique_ptr<FIX::SocketInitiator> initiator_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool loggedOn_ = false;
  bool started_ = false;
  std::vector<FIX::Message> received_;
};

}  // namespace venue_sim_test
