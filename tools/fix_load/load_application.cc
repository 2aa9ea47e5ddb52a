#include "tools/fix_load/load_application.h"

#include <quickfix/FixFields.h>
#include <quickfix/FixValues.h>

#include "tools/fix_load/name_format.h"

namespace fix_load {
namespace {

std::int64_t steadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

LoadApplication::LoadApplication(const std::string& runTag, const std::map<FIX::SessionID, std::string>& passwords)
    : runTag_(runTag), passwords_(passwords) {}

bool LoadApplication::waitLoggedOn(std::size_t count, std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_until(lock, deadline, [&] { return loggedOn_.size() >= count; });
}

bool LoadApplication::waitAllLoggedOut(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_until(lock, deadline, [&] { return loggedOn_.empty(); });
}

std::set<FIX::SessionID> LoadApplication::loggedOn() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return loggedOn_;
}

std::string LoadApplication::lastEvent(const FIX::SessionID& id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = lastEvent_.find(id);
  return found == lastEvent_.end() ? std::string() : found->second;
}

void LoadApplication::onLogon(const FIX::SessionID& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_.insert(id);
  changed_.notify_all();
}

void LoadApplication::onLogout(const FIX::SessionID& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_.erase(id);
  changed_.notify_all();
}

void LoadApplication::toAdmin(FIX::Message& message, const FIX::SessionID& id) {
  const std::string& type = message.getHeader().getField(FIX::FIELD::MsgType);
  if (type != FIX::MsgType_Logon) return;
  const auto found = passwords_.find(id);
  if (found != passwords_.end() && !found->second.empty()) message.setField(FIX::FIELD::Password, found->second);
}

void LoadApplication::fromAdmin(const FIX::Message& message, const FIX::SessionID& id) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  const std::string& type = message.getHeader().getField(FIX::FIELD::MsgType);
  if (type != FIX::MsgType_Logout && type != FIX::MsgType_Reject) return;
  std::string text = type == FIX::MsgType_Logout ? "Logout" : "session Reject";
  if (message.isSetField(FIX::FIELD::Text)) text += ": " + message.getField(FIX::FIELD::Text);
  std::lock_guard<std::mutex> lock(mutex_);
  lastEvent_[id] = text;
}

void LoadApplication::fromApp(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) {
  const std::int64_t now = steadyNowNs();
  StepTracker* tracker = tracker_.load(std::memory_order_acquire);
  if (tracker == nullptr) return;
  const std::string& type = message.getHeader().getField(FIX::FIELD::MsgType);
  if (type != FIX::MsgType_ExecutionReport || !message.isSetField(FIX::FIELD::ClOrdID)) {
    tracker->recordOther();
    return;
  }
  int step = 0;
  std::int64_t index = 0;
  if (!parseClOrdId(message.getField(FIX::FIELD::ClOrdID), runTag_, step, index) || step != tracker->step()) {
    return;  // a late report of an earlier step, or not ours
  }
  const bool rejected =
      message.isSetField(FIX::FIELD::OrdStatus) && message.getField(FIX::FIELD::OrdStatus) == "8";
  tracker->recordReply(index, now, rejected);
}

}  // namespace fix_load
