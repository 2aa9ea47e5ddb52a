#pragma once

// The audit trail's hash chain: each record's hash covers its own fields and the hash of the record
// before it. The encoding is documented in store/README.md ("Hash chain").

#include <cstdint>
#include <string>
#include <string_view>

#include "store/records.h"

namespace store {

// prev_hash of the first record: 64 '0'.
inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// Lowercase hex SHA-256 of the record's canonical encoding:
//   "risk-gateway-audit-v1\n" then, for each of seq, time_ns (both as decimal text), kind, account,
//   call_id, order_id, actor, detail, fix_message, prev_hash in that order: <byte length in
//   decimal> ':' <bytes> '\n'.
std::string auditRecordHash(std::int64_t seq, const AuditRecord& record, std::string_view prevHash);

}  // namespace store
