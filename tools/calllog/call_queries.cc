#include "tools/calllog/call_queries.h"

namespace calllog {
namespace {

constexpr const char* kSummaryColumns =
    "call_id, account, currency, issued_ns, issued_seq, deadline_ns, last_deadline_ns, equity, maintenance, "
    "initial, deficit_to_maintenance, amount_to_cure, health, trigger_kind, trigger_reference, trigger_price, "
    "trigger_quantity, trigger_journal_seq, sessions, first_sent_ns, escalations, last_amount_to_cure, "
    "acknowledged_ns, liquidation_orders, liquidation_fills, status, outcome, closed_ns, manner_met";

constexpr const char* kAuditColumns =
    "seq, time_ns, kind, account, call_id, order_id, actor, detail, fix_message, prev_hash, hash";

CallSummary readSummary(const Statement& row) {
  CallSummary call;
  call.callId = row.textOr(0);
  call.account = row.textOr(1);
  call.currency = row.textOr(2);
  call.issuedNs = row.integer(3).value_or(0);
  call.issuedSeq = row.integer(4).value_or(0);
  call.deadlineNs = row.integer(5).value_or(0);
  call.lastDeadlineNs = row.integer(6).value_or(call.deadlineNs);
  call.equity = row.textOr(7);
  call.maintenance = row.textOr(8);
  call.initial = row.textOr(9);
  call.deficitToMaintenance = row.textOr(10);
  call.amountToCure = row.textOr(11);
  call.health = row.text(12);
  call.triggerKind = row.textOr(13);
  call.triggerReference = row.textOr(14);
  call.triggerPrice = row.textOr(15);
  call.triggerQuantity = row.textOr(16);
  call.triggerJournalSeq = row.integer(17);
  call.sessions = row.textOr(18);
  call.firstSentNs = row.integer(19);
  call.escalations = row.integer(20).value_or(0);
  call.lastAmountToCure = row.textOr(21, call.amountToCure);
  call.acknowledgedNs = row.integer(22);
  call.liquidationOrders = row.integer(23).value_or(0);
  call.liquidationFills = row.integer(24).value_or(0);
  call.status = row.textOr(25);
  call.outcome = row.text(26);
  call.closedNs = row.integer(27);
  call.mannerMet = row.text(28);
  return call;
}

AuditEntry readEntry(const Statement& row) {
  AuditEntry entry;
  entry.seq = row.integer(0).value_or(0);
  entry.timeNs = row.integer(1).value_or(0);
  entry.kind = row.textOr(2);
  entry.account = row.textOr(3);
  entry.callId = row.textOr(4);
  entry.orderId = row.textOr(5);
  entry.actor = row.textOr(6);
  entry.detail = row.textOr(7);
  entry.fixMessage = row.textOr(8);
  entry.prevHash = row.textOr(9);
  entry.hash = row.textOr(10);
  return entry;
}

void appendCondition(std::string& where, const std::string& condition) {
  where += where.empty() ? "WHERE " : " AND ";
  where += condition;
}

}  // namespace

FilterSql filterSql(const CallFilter& filter) {
  FilterSql sql;
  const auto textParameter = [&sql](const std::string& value) {
    sql.textParameters.push_back(value);
    return "?" + std::to_string(sql.textParameters.size());
  };
  if (!filter.accounts.empty()) {
    std::string any = "account IN (";
    for (std::size_t i = 0; i < filter.accounts.size(); ++i) {
      if (i > 0) any += ", ";
      any += textParameter(filter.accounts[i]);
    }
    appendCondition(sql.where, any + ")");
  }
  if (filter.outcome) {
    if (*filter.outcome == kAnyCuredOutcome) {
      appendCondition(sql.where, "substr(outcome, 1, 9) = 'cured_by_'");
    } else {
      appendCondition(sql.where, "outcome = " + textParameter(*filter.outcome));
    }
  }
  if (filter.status) appendCondition(sql.where, "status = " + textParameter(*filter.status));
  // Integer parameters are numbered after every text one.
  const std::size_t firstInteger = sql.textParameters.size() + 1;
  if (filter.fromNs) {
    appendCondition(sql.where, "issued_ns >= ?" + std::to_string(firstInteger + sql.integerParameters.size()));
    sql.integerParameters.push_back(*filter.fromNs);
  }
  if (filter.toNs) {
    appendCondition(sql.where, "issued_ns < ?" + std::to_string(firstInteger + sql.integerParameters.size()));
    sql.integerParameters.push_back(*filter.toNs);
  }
  return sql;
}

std::vector<CallSummary> listCalls(const ReadOnlyDatabase& db, const CallFilter& filter) {
  const FilterSql where = filterSql(filter);
  Statement query(db, std::string("SELECT ") + kSummaryColumns + " FROM margin_calls " + where.where +
                          " ORDER BY issued_ns, call_id");
  int index = 1;
  for (const std::string& text : where.textParameters) query.bind(index++, text);
  for (const std::int64_t value : where.integerParameters) query.bind(index++, value);
  std::vector<CallSummary> calls;
  while (query.step()) calls.push_back(readSummary(query));
  return calls;
}

std::optional<CallSummary> findCall(const ReadOnlyDatabase& db, const std::string& callId) {
  Statement query(db, std::string("SELECT ") + kSummaryColumns + " FROM margin_calls WHERE call_id = ?1");
  query.bind(1, callId);
  if (!query.step()) return std::nullopt;
  return readSummary(query);
}

std::vector<AuditEntry> callTimeline(const ReadOnlyDatabase& db, const CallSummary& call) {
  // The second branch finds liquidation orders recorded without the call id: they are the call's
  // account's (the (account, time_ns) index) and named LIQ-<call id>-n.
  Statement query(db, std::string("SELECT ") + kAuditColumns +
                          " FROM audit_log WHERE call_id = ?1"
                          " OR (account = ?2 AND call_id = '' AND substr(order_id, 1, length(?3)) = ?3)"
                          " ORDER BY seq");
  query.bind(1, call.callId);
  query.bind(2, call.account);
  query.bind(3, "LIQ-" + call.callId + "-");
  std::vector<AuditEntry> entries;
  while (query.step()) entries.push_back(readEntry(query));
  return entries;
}

}  // namespace calllog
