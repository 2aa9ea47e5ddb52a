#pragma once

// What the gateway hands the store, as plain data. The store does not know the risk core's types:
// amounts arrive already formatted as exact decimals inside the audit record's JSON detail.

#include <cstdint>
#include <string>
#include <vector>

namespace store {

// One input the risk thread processed, for replay after a restart. The gateway numbers them
// (seq 1, 2, ...) and encodes the payload; the store keeps both as given.
struct JournalRecord {
  std::int64_t seq = 0;
  std::int64_t timeNs = 0;  // the time the input was processed with (UTC, ns since the epoch)
  std::string kind;         // e.g. "client_new_order", "market_data", "admin"
  std::string payload;      // the input's fields (JSON text)
};

// One entry of the audit trail and call log. The store numbers them and chains their hashes.
struct AuditRecord {
  std::int64_t timeNs = 0;
  std::string kind;        // see store/README.md: order_accepted, call_issued, ...
  std::string account;     // empty when none
  std::string callId;      // the margin call it belongs to, empty when none
  std::string orderId;     // the order it is about, empty when none
  std::string actor;       // who: a FIX session ("CLIENT1"), an admin user, "risk-core", "gateway"
  std::string detail;      // a JSON object with the numbers (exact decimals as strings)
  std::string fixMessage;  // the raw FIX message (SOH-delimited) when the record is one, else empty
};

// Everything one commit writes, in one transaction: the journal rows first, then the audit rows.
struct Batch {
  std::vector<JournalRecord> journal;
  std::vector<AuditRecord> audit;

  bool empty() const { return journal.empty() && audit.empty(); }
  void clear() {
    journal.clear();
    audit.clear();
  }
};

}  // namespace store
