#pragma once

// What calllog prints for each command, in each format. Pure formatting: the runner reads.

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/audit_log_row.h"
#include "store/margin_call_summary.h"
#include "tools/calllog/daily_record.h"

namespace calllog {

enum class Format { kTable, kText, kCsv, kJson };

struct CallWithTimeline {
  store::MarginCall call;
  std::vector<store::AuditLogRow> timeline;
};

// list: kTable, kCsv or kJson.
void printList(std::ostream& out, const std::vector<store::MarginCall>& calls, Format format);

// show: kText or kJson.
void printCall(std::ostream& out, const CallWithTimeline& call, Format format);

// daily: kTable, kCsv or kJson. `date` is YYYY-MM-DD.
void printDaily(std::ostream& out, const std::string& date, const std::vector<DailyRow>& rows, Format format);

// export: kCsv (every summary column) or kJson (each call with its timeline).
void printExport(std::ostream& out, const std::vector<CallWithTimeline>& calls, Format format);

// nlohmann's dump, pretty, with invalid UTF-8 replaced rather than thrown on.
std::string dumpJson(const nlohmann::json& value);

}  // namespace calllog
