#pragma once

// fix-client's QuickFIX application: adds the password to the Logon, tracks the session state,
// prints the messages it sends and receives, and queues received application messages (and
// session-level Rejects) for `expect`. Its callbacks run on the thread that polls the initiator.
// QuickFIX side (gnu++14).

#include <string>

#include <quickfix/Application.h>

#include "tools/fix_client/console.h"
#include "tools/fix_client/fix_dictionary.h"
#include "tools/fix_client/received_queue.h"

namespace fix_client {

enum class SessionState {
  kConnecting,  // no logon yet (QuickFIX retries a failed connection every second)
  kLoggedOn,
  kRefused,     // a Logout came instead of the logon
  kLoggedOut,   // after a logon: logged out by us or by the gateway, or disconnected
};

class ClientApplication : public FIX::Application {
 public:
  ClientApplication(const FixDictionary& dictionary, Console& console, ReceivedQueue& received,
                    std::string password);

  SessionState state() const { return state_; }
  // Why the session is not logged on: the Logout's Text, else the last session event.
  std::string reason() const { return logoutText_.empty() ? lastEvent_ : logoutText_; }
  // True when the session ended without our asking (it is then not reconnected).
  bool lost() const { return state_ == SessionState::kLoggedOut && !logoutExpected_; }
  // From now on a Logout is ours, not reported as an error.
  void expectLogout() { logoutExpected_ = true; }

  // Session events from the log (the last one explains a failed connection).
  void onEvent(const std::string& text);

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID&) override;
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message& message, const FIX::SessionID&) override;
  // noexcept is stricter than QuickFIX's dynamic exception specifications, so it overrides them
  // without repeating the deprecated syntax; these callbacks throw nothing.
  void toApp(FIX::Message& message, const FIX::SessionID&) noexcept override;
  void fromAdmin(const FIX::Message& message, const FIX::SessionID&) noexcept override;
  void fromApp(const FIX::Message& message, const FIX::SessionID&) noexcept override;

 private:
  void receive(const FIX::Message& message);

  const FixDictionary& dictionary_;
  Console& console_;
  ReceivedQueue& received_;
  const std::string password_;

  SessionState state_ = SessionState::kConnecting;
  bool logoutExpected_ = false;
  std::string logoutText_;
  std::string lastEvent_;
};

}  // namespace fix_client
