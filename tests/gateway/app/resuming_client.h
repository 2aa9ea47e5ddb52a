#pragma once

// A FIX client for the crash-recovery tests: a QuickFIX initiator that never resets its sequence
// numbers (no ResetOnLogon, no ResetSeqNumFlag) and reconnects by itself every second, so it outlives
// a gateway restart the way a real counterparty does. Its store is in memory and lives as long as the
// object. It records every message it receives with the logon it arrived in (1 for the first logon,
// 2 after the first reconnection, ...). gnu++14 (includes QuickFIX).

#include <quickfix/Application.h>
#include <quickfix/Message.h>
#include <quickfix/MessageStore.h>
#include <quickfix/Session.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/SocketInitiator.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gateway {
namespace testing {

class ResumingClient : public FIX::Application {
 public:
  static constexpr std::chrono::seconds kWait{20};

  // Logs on as `senderCompId` to BROKER on 127.0.0.1:`port` with `password`.
  ResumingClient(const std::string& senderCompId, const std::string& password, int port,
                 const std::string& dictionaryPath);
  ~ResumingClient() override;

  void start();
  void stop();

  // Waits until the session has logged on `count` times in all.
  bool waitLogons(int count, std::chrono::milliseconds timeout = kWait);
  bool waitDisconnected(std::chrono::milliseconds timeout = kWait);
  int logons();

  bool send(FIX::Message message);

  // The next message (of any logon) of `msgType` for which `matches` is true and that no earlier wait
  // took; messages that do not match stay for later waits.
  bool waitFor(const std::string& msgType, const std::function<bool(const FIX::Message&)>& matches,
               FIX::Message& message, std::chrono::milliseconds timeout = kWait);
  // How many messages of `msgType` received during logon number `logon` match (taken or not).
  int count(const std::string& msgType, int logon, const std::function<bool(const FIX::Message&)>& matches);
  // Every message of `msgType` received during logon number `logon`.
  std::vector<FIX::Message> received(const std::string& msgType, int logon);

  // The session's next sequence numbers: the one its next message will carry, the one it expects.
  int nextSenderSeqNum();
  int nextTargetSeqNum();
  // The same two numbers as they were when the session last went down (before any reconnection
  // attempt: QuickFIX spends a sender number on the Logon of each attempt, also a refused one).
  int nextSenderAtDisconnect();
  int nextTargetAtDisconnect();

  // FIX::Application
  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID&) override;
  void onLogout(const FIX::SessionID&) override;
  void toAdmin(FIX::Message& message, const FIX::SessionID&) override;
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message& message, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::UnsupportedMessageType) override;

 private:
  struct Received {
    FIX::Message message;
    std::string type;
    int logon = 0;
    bool taken = false;
  };

  FIX::Session& session();
  void record(const FIX::Message& message);

  const std::string password_;
  const FIX::SessionID id_;
  FIX::SessionSettings settings_;
  FIX::MemoryStoreFactory storeFactory_;
  std::unique_ptr<FIX::SocketInitiator> initiator_;
  bool started_ = false;

  std::mutex mutex_;
  std::condition_variable changed_;
  bool loggedOn_ = false;
  int logons_ = 0;
  int disconnects_ = 0;
  int nextSenderAtDisconnect_ = 0;
  int nextTargetAtDisconnect_ = 0;
  std::vector<Received> received_;
};

}  // namespace testing
}  // namespace gateway
