#pragma once

// One audit_log row as stored: the record the gateway handed the store, with the number and the
// chain hashes the store gave it. verifyStore() and calllog read rows into it.

#include <cstdint>
#include <string>

#include "store/records.h"

namespace store {

struct AuditLogRow {
  std::int64_t seq = 0;
  AuditRecord record;
  std::string prevHash;
  std::string hash;
};

// The audit_log columns, in the order the readers select them: seq, the record's fields, prev_hash, hash.
inline constexpr const char* kAuditLogColumns =
    "seq, time_ns, kind, account, call_id, order_id, actor, detail, fix_message, prev_hash, hash";

}  // namespace store
