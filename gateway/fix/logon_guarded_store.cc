#include "gateway/fix/logon_guarded_store.h"

namespace gateway {
namespace fix {

LogonGuardedStore::LogonGuardedStore(FIX::MessageStore* inner) : inner_(inner) {}

LogonGuardedStore::LogonGuardedStore(FIX::MessageStore* inner,
                                     FIX::MessageStoreFactory& innerFactory)
    : inner_(inner), innerFactory_(&innerFactory) {}

LogonGuardedStore::~LogonGuardedStore() {
  if (innerFactory_ != nullptr) innerFactory_->destroy(inner_.release());
}

bool LogonGuardedStore::set(int msgSeqNum, const std::string& message) throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shadow_) {
    shadow_->messages[msgSeqNum] = message;
    return true;
  }
  return inner_->set(msgSeqNum, message);
}

void LogonGuardedStore::get(int begin, int end, std::vector<std::string>& messages) const
    throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!shadow_) {
    inner_->get(begin, end, messages);
    return;
  }
  messages.clear();
  for (auto it = shadow_->messages.lower_bound(begin);
       it != shadow_->messages.end() && it->first <= end; ++it) {
    messages.push_back(it->second);
  }
}

int LogonGuardedStore::getNextSenderMsgSeqNum() const throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  return shadow_ ? shadow_->nextSender : inner_->getNextSenderMsgSeqNum();
}

int LogonGuardedStore::getNextTargetMsgSeqNum() const throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  return shadow_ ? shadow_->nextTarget : inner_->getNextTargetMsgSeqNum();
}

void LogonGuardedStore::setNextSenderMsgSeqNum(int value) throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shadow_) {
    shadow_->nextSender = value;
  } else {
    inner_->setNextSenderMsgSeqNum(value);
  }
}

void LogonGuardedStore::setNextTargetMsgSeqNum(int value) throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shadow_) {
    shadow_->nextTarget = value;
  } else {
    inner_->setNextTargetMsgSeqNum(value);
  }
}

void LogonGuardedStore::incrNextSenderMsgSeqNum() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shadow_) {
    ++shadow_->nextSender;
  } else {
    inner_->incrNextSenderMsgSeqNum();
  }
}

void LogonGuardedStore::incrNextTargetMsgSeqNum() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shadow_) {
    ++shadow_->nextTarget;
  } else {
    inner_->incrNextTargetMsgSeqNum();
  }
}

FIX::UtcTimeStamp LogonGuardedStore::getCreationTime() const throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  return shadow_ ? shadow_->creationTime : inner_->getCreationTime();
}

void LogonGuardedStore::reset() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (loggedOn_) {
    inner_->reset();
    return;
  }
  // Deferred: a fresh view; the inner store keeps its numbers until commitLogon().
  std::unique_ptr<Shadow> fresh(new Shadow());
  fresh->deferredReset = true;
  fresh->keepAcrossAttempts = !attemptOpen_;
  shadow_ = std::move(fresh);
}

void LogonGuardedStore::refresh() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  inner_->refresh();
  if (loggedOn_) return;
  // A Logon has arrived: a new attempt. What an earlier attempt left behind goes.
  if (shadow_ && !shadow_->keepAcrossAttempts) shadow_.reset();
  attemptOpen_ = true;
}

void LogonGuardedStore::commitLogon() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shadow_ && shadow_->deferredReset) {
    inner_->reset();
    for (const auto& entry : shadow_->messages) inner_->set(entry.first, entry.second);
    inner_->setNextSenderMsgSeqNum(shadow_->nextSender);
    inner_->setNextTargetMsgSeqNum(shadow_->nextTarget);
  }
  shadow_.reset();
  loggedOn_ = true;
  attemptOpen_ = false;
}

void LogonGuardedStore::rollbackLogon() {
  std::lock_guard<std::mutex> lock(mutex_);
  // The Logout that QuickFIX sends next is numbered from the current view (1 after a refused
  // 141=Y, which is what that peer expects) and its writes land in this throw-away copy.
  std::unique_ptr<Shadow> scratch(new Shadow());
  scratch->nextSender = shadow_ ? shadow_->nextSender : inner_->getNextSenderMsgSeqNum();
  scratch->nextTarget = shadow_ ? shadow_->nextTarget : inner_->getNextTargetMsgSeqNum();
  scratch->creationTime = inner_->getCreationTime();
  shadow_ = std::move(scratch);
  attemptOpen_ = false;
}

void LogonGuardedStore::loggedOut() {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = false;
  attemptOpen_ = false;
}

StoredNumbers LogonGuardedStore::storedNumbers() const {
  std::lock_guard<std::mutex> lock(mutex_);
  StoredNumbers numbers;
  numbers.nextSender = inner_->getNextSenderMsgSeqNum();
  numbers.nextTarget = inner_->getNextTargetMsgSeqNum();
  return numbers;
}

bool LogonGuardedStore::hasDeferredReset() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return shadow_ && shadow_->deferredReset;
}

}  // namespace fix
}  // namespace gateway
