#include "gateway/fix/sqlite_message_store_factory.h"

#include "gateway/fix/sqlite_message_store.h"

namespace gateway {
namespace fix {

SqliteMessageStoreFactory::SqliteMessageStoreFactory(const SqliteStoreOptions& options)
    : database_(std::make_shared<SqliteSessionDatabase>(options.path, options.fullSync,
                                                      options.writeInterval)) {}

FIX::MessageStore* SqliteMessageStoreFactory::create(const FIX::SessionID& sessionID) {
  return new SqliteMessageStore(database_, sessionID);
}

void SqliteMessageStoreFactory::destroy(FIX::MessageStore* store) { delete store; }

void SqliteMessageStoreFactory::flush() { database_->flush(); }

}  // namespace fix
}  // namespace gateway
