#include "tools/calllog/daily_record.h"

#include "tools/calllog/time_text.h"

namespace calllog {
namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

DailyRow dailyRow(const store::MarginCall& call) {
  DailyRow row;
  row.callId = call.callId;
  row.account = call.account;
  row.currency = call.currency;
  row.amountRequired = call.amountToCure;
  row.dateIssued = formatUtcDate(call.issuedNs);
  row.issuedNs = call.issuedNs;
  if (call.status != "closed") {
    row.mannerMet = call.status == "liquidating" ? std::string(kOutstanding) + ": liquidating" : kOutstanding;
    return row;
  }
  const std::string outcome = call.outcome.value_or("");
  const std::string manner = call.mannerMet.value_or("");
  if (startsWith(outcome, "liquidated") || startsWith(manner, "liquidation")) {
    const bool toFlat = outcome == "liquidated_to_flat" || manner == "liquidation to flat";
    row.mannerMet = toFlat ? "not met: liquidated to flat" : "not met: liquidated";
    return row;
  }
  if (call.closedNs) row.dateMet = formatUtcDate(*call.closedNs);
  row.mannerMet = !manner.empty() ? manner : !outcome.empty() ? outcome : "closed";
  return row;
}

}  // namespace calllog
