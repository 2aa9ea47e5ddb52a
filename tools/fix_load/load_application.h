#pragma once

// fix-load's QuickFIX Application: adds the Password (554) to each session's Logon, keeps track of
// which sessions are logged on (and why one was refused), and times the first ExecutionReport of
// every order of the current step (fromApp, steady clock, before anything else). QuickFIX side
// (gnu++14).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <quickfix/Application.h>
#include <quickfix/Message.h>
#include <quickfix/SessionID.h>

#include "tools/fix_load/step_tracker.h"

namespace fix_load {

class LoadApplication : public FIX::Application {
 public:
  // `passwords`: the Password to send on each session's Logon (sessions not in it send none).
  LoadApplication(const std::string& runTag, const std::map<FIX::SessionID, std::string>& passwords);

  // The step whose reports are timed from now on. The tracker must outlive the application's
  // sessions (fix-load keeps every step's tracker until it exits).
  void setTracker(StepTracker* tracker) { tracker_.store(tracker, std::memory_order_release); }

  // Waits until `count` sessions are logged on (true) or the deadline passes (false).
  bool waitLoggedOn(std::size_t count, std::chrono::steady_clock::time_point deadline);
  // Waits until no session is logged on.
  bool waitAllLoggedOut(std::chrono::steady_clock::time_point deadline);
  std::set<FIX::SessionID> loggedOn() const;
  // The last Logout text or event seen for a session (empty when none).
  std::string lastEvent(const FIX::SessionID& id) const;

  // FIX::Application
  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID& id) override;
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message& message, const FIX::SessionID& id) override;
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override;

 private:
  const std::string runTag_;
  const std::map<FIX::SessionID, std::string> passwords_;
  std::atomic<StepTracker*> tracker_{nullptr};
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::set<FIX::SessionID> loggedOn_;
  std::map<FIX::SessionID, std::string> lastEvent_;
};

}  // namespace fix_load
