#pragma once

// What calllog reads: a margin_calls row and an audit_log record, as stored. Amounts stay the
// exact decimal text the store holds; times are int64 nanoseconds since the epoch (UTC).

#include <cstdint>
#include <optional>
#include <string>

namespace calllog {

// One row of margin_calls (store/README.md documents each column).
struct CallSummary {
  std::string callId;
  std::string account;
  std::string currency;
  std::int64_t issuedNs = 0;
  std::int64_t issuedSeq = 0;
  std::int64_t deadlineNs = 0;
  std::int64_t lastDeadlineNs = 0;
  std::string equity;  // at issue, like the four after it
  std::string maintenance;
  std::string initial;
  std::string deficitToMaintenance;
  std::string amountToCure;
  std::optional<std::string> health;
  std::string triggerKind;
  std::string triggerReference;
  std::string triggerPrice;
  std::string triggerQuantity;
  std::optional<std::int64_t> triggerJournalSeq;
  std::string sessions;  // comma-separated, in first-sent order
  std::optional<std::int64_t> firstSentNs;
  std::int64_t escalations = 0;
  std::string lastAmountToCure;
  std::optional<std::int64_t> acknowledgedNs;
  std::int64_t liquidationOrders = 0;
  std::int64_t liquidationFills = 0;
  std::string status;  // open, liquidating, closed
  std::optional<std::string> outcome;
  std::optional<std::int64_t> closedNs;
  std::optional<std::string> mannerMet;
};

// One row of audit_log.
struct AuditEntry {
  std::int64_t seq = 0;
  std::int64_t timeNs = 0;
  std::string kind;
  std::string account;
  std::string callId;
  std::string orderId;
  std::string actor;
  std::string detail;      // JSON object text
  std::string fixMessage;  // raw, SOH-delimited; empty when none
  std::string prevHash;
  std::string hash;
};

}  // namespace calllog
