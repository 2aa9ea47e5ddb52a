#include "gateway/fix/session_store_choice.h"

#include "gateway/fix/sqlite_message_store_factory.h"

namespace gateway {
namespace fix {

std::unique_ptr<FIX::MessageStoreFactory> chosenStoreFactory(const FixEngineOptions& options) {
  if (options.sessionStorePath.empty()) {
    return std::unique_ptr<FIX::MessageStoreFactory>(new FIX::MemoryStoreFactory());
  }
  SqliteStoreOptions store;
  store.path = options.sessionStorePath;
  store.fullSync = options.sessionStoreFullSync;
  return std::unique_ptr<FIX::MessageStoreFactory>(new SqliteMessageStoreFactory(store));
}

std::set<FIX::SessionID> clientSessionIds(const GatewaySettings& settings) {
  std::set<FIX::SessionID> ids;
  for (const auto& client : settings.clients) ids.insert(client.id);
  return ids;
}

}  // namespace fix
}  // namespace gateway
