#include "gateway/fix/logon_guarded_store_factory.h"

namespace gateway {
namespace fix {

LogonGuardedStoreFactory::LogonGuardedStoreFactory(
    const std::set<FIX::SessionID>& guardedSessions)
    : inner_(memoryFactory_), guardedSessions_(guardedSessions) {}

LogonGuardedStoreFactory::LogonGuardedStoreFactory(
    FIX::MessageStoreFactory& inner, const std::set<FIX::SessionID>& guardedSessions)
    : inner_(inner), guardedSessions_(guardedSessions) {}

FIX::MessageStore* LogonGuardedStoreFactory::create(const FIX::SessionID& sessionID) {
  FIX::MessageStore* store = inner_.create(sessionID);
  if (guardedSessions_.count(sessionID) == 0) return store;
  LogonGuardedStore* guarded = new LogonGuardedStore(store, inner_);
  std::lock_guard<std::mutex> lock(mutex_);
  stores_[sessionID] = guarded;
  return guarded;
}

void LogonGuardedStoreFactory::destroy(FIX::MessageStore* store) {
  bool guarded = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = stores_.begin(); it != stores_.end(); ++it) {
      if (it->second == store) {
        stores_.erase(it);
        guarded = true;
        break;
      }
    }
  }
  if (guarded) {
    delete store;  // gives its inner store back to inner_
  } else {
    inner_.destroy(store);
  }
}

LogonGuardedStore* LogonGuardedStoreFactory::guardedStore(const FIX::SessionID& sessionID) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = stores_.find(sessionID);
  return it == stores_.end() ? nullptr : it->second;
}

}  // namespace fix
}  // namespace gateway
