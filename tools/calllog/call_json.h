#pragma once

// calllog's JSON shapes (nlohmann): a call's summary, an audit record, a daily-record row. Amounts
// are the stored decimal strings; every time is given twice, as UTC text ("issued") and as
// nanoseconds ("issued_ns"); missing values are null.

#include <nlohmann/json.hpp>

#include "tools/calllog/call_records.h"
#include "tools/calllog/daily_record.h"

namespace calllog {

nlohmann::json summaryJson(const CallSummary& call);
nlohmann::json entryJson(const AuditEntry& entry);
nlohmann::json dailyJson(const DailyRow& row);

}  // namespace calllog
