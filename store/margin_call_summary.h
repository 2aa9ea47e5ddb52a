#pragma once

// The margin_calls summary: one row per call, derived only from audit records. The one function
// applyAuditRecord() is used both by the writer (in the commit's transaction) and by verifyStore()
// (which rebuilds every row from the chain and compares), so the two can never disagree by design.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/records.h"
#include "store/sqlite_handle.h"

namespace store {

struct MarginCall {
  std::string callId;
  std::string account;
  std::string currency;
  std::int64_t issuedNs = 0;
  std::int64_t issuedSeq = 0;
  std::int64_t deadlineNs = 0;
  std::int64_t lastDeadlineNs = 0;
  std::string equity;
  std::string maintenance;
  std::string initial;
  std::string deficitToMaintenance;
  std::string amountToCure;
  std::optional<std::string> health;
  std::optional<std::string> triggerKind;
  std::optional<std::string> triggerReference;
  std::optional<std::string> triggerPrice;
  std::optional<std::string> triggerQuantity;
  std::optional<std::int64_t> triggerJournalSeq;
  std::string sessions;  // distinct call_sent actors, first-sent order, comma-separated
  std::optional<std::int64_t> firstSentNs;
  std::int64_t escalations = 0;
  std::string lastAmountToCure;
  std::optional<std::int64_t> acknowledgedNs;
  std::int64_t liquidationOrders = 0;
  std::int64_t liquidationFills = 0;
  std::string status = "open";  // open | liquidating | closed
  std::optional<std::string> outcome;
  std::optional<std::int64_t> closedNs;
  std::optional<std::string> mannerMet;
};

// The margin_calls columns, in table order (toColumns() and fromColumns() use the same order).
inline constexpr std::array<const char*, 29> kMarginCallColumns = {
    "call_id",        "account",           "currency",         "issued_ns",          "issued_seq",
    "deadline_ns",    "last_deadline_ns",  "equity",           "maintenance",        "initial",
    "deficit_to_maintenance", "amount_to_cure", "health",      "trigger_kind",       "trigger_reference",
    "trigger_price",  "trigger_quantity",  "trigger_journal_seq", "sessions",        "first_sent_ns",
    "escalations",    "last_amount_to_cure", "acknowledged_ns", "liquidation_orders", "liquidation_fills",
    "status",         "outcome",           "closed_ns",        "manner_met"};

std::vector<SqlValue> toColumns(const MarginCall& call);
// Reads a row back. Values of an unexpected type (a tampered row) read as 0 or "".
MarginCall fromColumns(const std::vector<SqlValue>& columns);

// Applies audit record `seq` to the summary of its call. `call` is the call's row so far (empty when
// there is none yet). A call_issued record creates the row (a second one for the same call is
// ignored); any other record of a call with no row is ignored. Returns true when the row changed.
bool applyAuditRecord(std::optional<MarginCall>& call, std::int64_t seq, const AuditRecord& record);

// The words of margin_calls.manner_met for a call_closed outcome (the outcome itself when unknown).
std::string mannerMetFor(const std::string& outcome);

// "call_id, account, ..., manner_met": the column list for SQL, in kMarginCallColumns order.
std::string marginCallColumnList();

}  // namespace store
