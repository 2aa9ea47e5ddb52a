#include "tools/calllog/call_queries.h"

namespace calllog {
namespace {

// A margin_calls row read through the store's own reader, so calllog and the store agree on every
// column.
store::MarginCall readCall(const Statement& row) {
  std::vector<store::SqlValue> columns;
  columns.reserve(store::kMarginCallColumns.size());
  for (std::size_t i = 0; i < store::kMarginCallColumns.size(); ++i) columns.push_back(row.value(static_cast<int>(i)));
  return store::fromColumns(columns);
}

store::AuditLogRow readAuditRow(const Statement& row) {
  store::AuditLogRow entry;
  entry.seq = row.integer(0).value_or(0);
  entry.record.timeNs = row.integer(1).value_or(0);
  entry.record.kind = row.textOr(2);
  entry.record.account = row.textOr(3);
  entry.record.callId = row.textOr(4);
  entry.record.orderId = row.textOr(5);
  entry.record.actor = row.textOr(6);
  entry.record.detail = row.textOr(7);
  entry.record.fixMessage = row.textOr(8);
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

std::vector<store::MarginCall> listCalls(const ReadOnlyDatabase& db, const CallFilter& filter) {
  const FilterSql where = filterSql(filter);
  Statement query(db, "SELECT " + store::marginCallColumnList() + " FROM margin_calls " + where.where +
                          " ORDER BY issued_ns, call_id");
  int index = 1;
  for (const std::string& text : where.textParameters) query.bind(index++, text);
  for (const std::int64_t value : where.integerParameters) query.bind(index++, value);
  std::vector<store::MarginCall> calls;
  while (query.step()) calls.push_back(readCall(query));
  return calls;
}

std::optional<store::MarginCall> findCall(const ReadOnlyDatabase& db, const std::string& callId) {
  Statement query(db, "SELECT " + store::marginCallColumnList() + " FROM margin_calls WHERE call_id = ?1");
  query.bind(1, callId);
  if (!query.step()) return std::nullopt;
  return readCall(query);
}

std::vector<store::AuditLogRow> callTimeline(const ReadOnlyDatabase& db, const store::MarginCall& call) {
  // The second branch finds liquidation orders recorded without the call id: they are the call's
  // account's (the (account, time_ns) index) and named LIQ-<call id>-n.
  Statement query(db, std::string("SELECT ") + store::kAuditLogColumns +
                          " FROM audit_log WHERE call_id = ?1"
                          " OR (account = ?2 AND call_id = '' AND substr(order_id, 1, length(?3)) = ?3)"
                          " ORDER BY seq");
  query.bind(1, call.callId);
  query.bind(2, call.account);
  query.bind(3, "LIQ-" + call.callId + "-");
  std::vector<store::AuditLogRow> entries;
  while (query.step()) entries.push_back(readAuditRow(query));
  return entries;
}

}  // namespace calllog
