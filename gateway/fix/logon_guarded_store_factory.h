#pragma once

// Creates the sessions' stores: a LogonGuardedStore over a MemoryStore for the client sessions
// named at construction, a plain MemoryStore for the others (venue, market data). Nothing is
// written to files: sequence numbers start at 1 whenever the process starts.

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
  explicit LogonGuardedStoreFactory(const std::set<FIX::SessionID>& guardedSessions);

  FIX::MessageStore* create(const FIX::SessionID& sessionID) override;
  void destroy(FIX::MessageStore* store) override;

  // The guarded store of a client session, null when there is none (yet). The store lives as
  // long as its QuickFIX session (until the acceptor is destroyed).
  LogonGuardedStore* guardedStore(const FIX::SessionID& sessionID) const;

 private:
  const std::set<FIX::SessionID> guardedSessions_;
  std::map<FIX::SessionID, LogonGuardedStore*> stores_;
  mutable std::mutex mutex_;
};

}  // namespace fix
}  // namespace gateway
