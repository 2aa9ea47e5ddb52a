#pragma once

// The logon side both of md-storm's gateway clients share: a QuickFIX initiator application that
// adds its Password and ResetSeqNumFlag=Y to the Logon, tracks whether its one session is logged on
// and keeps the Text of the last Logout it received. Subclasses handle the application messages
// (fromApp) and may use the session and the lock below. gnu++14 (includes QuickFIX).

#include <quickfix/Application.h>
#include <quickfix/Session.h>
#include <quickfix/SessionID.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace md_storm {

class PasswordClient : public FIX::Application {
 public:
  explicit PasswordClient(const std::string& password);

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID& id) override;
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message& message, const FIX::SessionID& id) override;
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override;

  bool waitForLogon(std::chrono::milliseconds timeout);
  bool loggedOn() const;
  std::string logoutText() const;

 protected:
  // Guards the fields below and the subclass's own state; `changed_` is notified on logon, logout
  // and whatever the subclass signals.
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool loggedOn_ = false;
  FIX::SessionID sessionId_;          // the session of the last logon
  FIX::Session* session_ = nullptr;   // the same, looked up once at logon

 private:
  const std::string password_;
  std::string logoutText_;
};

}  // namespace md_storm
