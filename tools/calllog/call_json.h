#pragma once

// calllog's JSON shapes (nlohmann): a call's summary, an audit record, a daily-record row. Amounts
// are the stored decimal strings; every time is given twice, as UTC text ("issued") and as
// nanoseconds ("issued_ns"); missing values are null.

#include <nlohmann/json.hpp>

#include "store/audit_log_row.h"
#include "store/margin_call_summary.h"
#include "tools/calllog/daily_record.h"

namespace calllog {

nlohmann::json summaryJson(const store::MarginCall& call);
nlohmann::json entryJson(const store::AuditLogRow& entry);
nlohmann::json dailyJson(const DailyRow& row);

}  // namespace calllog
