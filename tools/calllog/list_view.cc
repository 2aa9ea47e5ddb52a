// calllog list: one line per call.

#include "tools/calllog/call_json.h"
#include "tools/calllog/call_views.h"
#include "tools/calllog/csv_writer.h"
#include "tools/calllog/text_table.h"
#include "tools/calllog/time_text.h"
#include "tools/calllog/view_helpers.h"

namespace calllog {

void printList(std::ostream& out, const std::vector<store::MarginCall>& calls, Format format) {
  if (format == Format::kJson) {
    nlohmann::json list = nlohmann::json::array();
    for (const store::MarginCall& call : calls) list.push_back(summaryJson(call));
    out << dumpJson(list) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    writeCsvRow(out, {"call_id", "account", "currency", "issued", "amount_to_cure", "deadline", "sessions", "status",
                      "outcome", "manner_met", "closed"});
    for (const store::MarginCall& call : calls) {
      writeCsvRow(out, {call.callId, call.account, call.currency, formatUtcMillis(call.issuedNs), call.amountToCure,
                        formatUtcMillis(call.deadlineNs), call.sessions, call.status, call.outcome.value_or(""),
                        call.mannerMet.value_or(""), call.closedNs ? formatUtcMillis(*call.closedNs) : ""});
    }
    return;
  }
  if (calls.empty()) {
    out << "No margin calls match.\n";
    return;
  }
  std::vector<TableRow> rows{{"CALL", "ACCOUNT", "ISSUED", "AMOUNT TO CURE", "CCY", "DEADLINE", "SESSIONS", "STATUS",
                              "MANNER MET", "CLOSED"}};
  for (const store::MarginCall& call : calls) {
    rows.push_back({call.callId, call.account, formatUtcMillis(call.issuedNs), call.amountToCure, orDash(call.currency),
                    formatUtcMillis(call.deadlineNs), orDash(call.sessions), statusText(call),
                    call.mannerMet.value_or("-"), timeOrDash(call.closedNs)});
  }
  printTable(out, rows);
}

}  // namespace calllog
