#pragma once

// The queries behind calllog's commands: calls by filter, one call, one call's timeline.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_log_row.h"
#include "store/margin_call_summary.h"
#include "tools/calllog/read_only_db.h"

namespace calllog {

// Which calls: every set field must match. Times filter on when the call was issued.
struct CallFilter {
  std::vector<std::string> accounts;  // any of them; empty: every account
  std::optional<std::int64_t> fromNs;  // issued at or after
  std::optional<std::int64_t> toNs;    // issued before
  std::optional<std::string> outcome;  // an outcome ("cured_by_deposit"), or "cured" for any cured_by_*
  std::optional<std::string> status;   // open, liquidating, closed
};

constexpr const char* kAnyCuredOutcome = "cured";

// The WHERE clause (with ?N parameters) and its parameters, in order; empty clause when the
// filter sets nothing.
struct FilterSql {
  std::string where;
  std::vector<std::string> textParameters;
  // Integer parameters follow the text ones.
  std::vector<std::int64_t> integerParameters;
};
FilterSql filterSql(const CallFilter& filter);

// The calls the filter selects, by time issued (then call id).
std::vector<store::MarginCall> listCalls(const ReadOnlyDatabase& db, const CallFilter& filter);

std::optional<store::MarginCall> findCall(const ReadOnlyDatabase& db, const std::string& callId);

// Every audit record of the call in seq order, with the records of its liquidation orders
// (order id "LIQ-<call id>-...") that carry no call id.
std::vector<store::AuditLogRow> callTimeline(const ReadOnlyDatabase& db, const store::MarginCall& call);

}  // namespace calllog
