#pragma once

// The session stores FixEngineOptions choose, for every FIX process of the project (the gateway's
// FIX engine and fix-forwarder), so that both store alike: ONE SQLite file for every session when
// sessionStorePath is set (SqliteMessageStoreFactory, write-behind or fullSync), QuickFIX
// MemoryStores otherwise. The client sessions go behind LogonGuardedStoreFactory on top of it.

#include <quickfix/MessageStore.h>
#include <quickfix/SessionID.h>

#include <memory>
#include <set>

#include "gateway/fix/fix_engine.h"
#include "gateway/fix/gateway_settings.h"

namespace gateway {
namespace fix {

// The inner store factory. Throws FIX::ConfigError when the SQLite file cannot be used.
std::unique_ptr<FIX::MessageStoreFactory> chosenStoreFactory(const FixEngineOptions& options);

// The client sessions' ids: the sessions the logon guard covers.
std::set<FIX::SessionID> clientSessionIds(const GatewaySettings& settings);

}  // namespace fix
}  // namespace gateway
