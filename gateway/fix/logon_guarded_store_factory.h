#pragma once

// Creates the sessions' stores over an inner store factory (QuickFIX's MemoryStoreFactory, or
// SqliteMessageStoreFactory for stores that survive a restart): a LogonGuardedStore over the
// inner store for the client sessions named at construction, the inner store itself for the
// others (venue, market data).

#include <quickfix/MessageStore.h>
#include <quickfix/SessionID.h>

#include <map>
#include <mutex>
#include <set>

#include "gateway/fix/logon_guarded_store.h"

namespace gateway {
namespace fix {

class LogonGuardedStoreFactory : public FIX::MessageStoreFactory {
 public:
  // Over QuickFIX's MemoryStores: sequence numbers start at 1 whenever the process starts.
  explicit LogonGuardedStoreFactory(const std::set<FIX::SessionID>& guardedSessions);
  // Over `inner`, which must outlive this factory and every store it creates.
  LogonGuardedStoreFactory(FIX::MessageStoreFactory& inner,
                           const std::set<FIX::SessionID>& guardedSessions);

  FIX::MessageStore* create(const FIX::SessionID& sessionID) override;
  void destroy(FIX::MessageStore* store) override;

  // The guarded store of a client session, null when there is none (yet). The store lives as
  // long as its QuickFIX session (until the acceptor is destroyed).
  LogonGuardedStore* guardedStore(const FIX::SessionID& sessionID) const;

 private:
  FIX::MemoryStoreFactory memoryFactory_;  // the inner factory of the one-argument form
  FIX::MessageStoreFactory& inner_;
  const std::set<FIX::SessionID> guardedSessions_;
  std::map<FIX::SessionID, LogonGuardedStore*> stores_;
  mutable std::mutex mutex_;
};

}  // namespace fix
}  // namespace gateway
