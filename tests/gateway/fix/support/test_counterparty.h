#pragma once

// A plain QuickFIX counterparty for the FIX engine's integration tests: a client (initiator) that
// logs on to the gateway, or a venue / feed (acceptor) that the gateway connects to. It records
// every message it receives, admin and application, and lets the test wait for them.

#include <quickfix/Application.h>
#include <quickfix/Message.h>
#include <quickfix/MessageStore.h>
#include <quickfix/Session.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/SocketAcceptor.h>
#include <quickfix/SocketInitiator.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tests/gateway/fix/support/fake_inbox.h"

namespace gateway {
namespace fix {
namespace testing {

struct CounterpartyOptions {
  bool acceptor = false;     // false: initiator (connects to `port`); true: listens on `port`
  std::string senderCompId;  // ours
  std::string targetCompId;  // the gateway's
  int port = 0;
  std::string password;       // Password (554) on our Logon, when not empty
  bool resetOnLogon = false;  // ResetSeqNumFlag=Y on our Logon
  int nextSender = 0;         // when > 0, the store's numbers before start
  int nextTarget = 0;
};

class TestCounterparty : public FIX::Application {
 public:
  explicit TestCounterparty(const CounterpartyOptions& options);
  ~TestCounterparty() override;

  void start();
  // Disconnects at once (no Logout).
  void stop();
  // Sends a Logout and waits until the session is down.
  bool logOut(std::chrono::milliseconds timeout = kWaitTimeout);

  bool waitLoggedOn(std::chrono::milliseconds timeout = kWaitTimeout);
  bool waitDisconnected(std::chrono::milliseconds timeout = kWaitTimeout);
  bool isLoggedOn();

  // Hands `message` to the session (QuickFIX fills the header).
  bool send(FIX::Message message);
  // Takes the first received message of type `msgType` not taken yet.
  bool waitForMessage(const std::string& msgType, FIX::Message& message,
                      std::chrono::milliseconds timeout = kWaitTimeout);
  // Takes the first received message of type `msgType` for which `matches` is true; messages that
  // do not match stay for later waits.
  bool waitForMessageWhere(const std::string& msgType, const std::function<bool(const FIX::Message&)>& matches,
                           FIX::Message& message, std::chrono::milliseconds timeout = kWaitTimeout);
  // The types of every message received so far, in order ("A", "0", "8", ...).
  std::vector<std::string> receivedTypes() const;

  FIX::Session& session();
  const FIX::SessionID& sessionId() const { return id_; }

  // FIX::Application
  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID&) override;
  void onLogout(const FIX::SessionID&) override;
  void toAdmin(FIX::Message& message, const FIX::SessionID&) override;
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message& message, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::UnsupportedMessageType) override;

 private:
  void received(const FIX::Message& message);

  const CounterpartyOptions options_;
  const FIX::SessionID id_;
  FIX::SessionSettings settings_;
  FIX::MemoryStoreFactory storeFactory_;
  std::unique_ptr<FIX::SocketAcceptor> acceptor_;
  std::unique_ptr<FIX::SocketInitiator> initiator_;
  bool started_ = false;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool loggedOn_ = false;
  int disconnects_ = 0;
  std::deque<FIX::Message> unread_;
  std::vector<std::string> receivedTypes_;
};

}  // namespace testing
}  // namespace fix
}  // namespace gateway
