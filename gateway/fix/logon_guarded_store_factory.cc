#include "gateway/fix/logon_guarded_store_factory.h"

namespace gateway {
namespace fix {

LogonGuardedStoreFactory::LogonGuardedStoreFactory(
    const std::set<FIX::SessionID>& guardedSessions)
    : guardedSessions_(guardedSessions) {}

FIX::MessageStore* LogonGuardedStoreFactory::create(const FIX::SessionID& sessionID) {
  if (guardedSessions_.count(sessionID) == 0) return new FIX::MemoryStore();
  LogonGuardedStore* store = new LogonGuardedStore(new FIX::MemoryStore());
  std::lock_guard<std::mutex> lock(mutex_);
  stores_[sessionID] = store;
  return store;
}

void LogonGuardedStoreFactory::destroy(FIX::MessageStore* store) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = stores_.begin(); it != stores_.end(); ++it) {
      if (it->second == store) {
        stores_.erase(it);
        break;
      }
    }
  }
  delete store;
}

LogonGuardedStore* LogonGuardedStoreFactory::guardedStore(const FIX::SessionID& sessionID) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = stores_.find(sessionID);
  return it == stores_.end() ? nullptr : it->second;
}

}  // namespace fix
}  // namespace gateway
