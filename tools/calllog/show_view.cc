// calllog show: one call's summary (who, how much, why, when told, by when, how it ended) and its
// whole timeline.

#include "tools/calllog/call_json.h"
#include "tools/calllog/call_views.h"
#include "tools/calllog/detail_text.h"
#include "tools/calllog/time_text.h"
#include "tools/calllog/view_helpers.h"

namespace calllog {
namespace {

constexpr std::size_t kLabelWidth = 16;
constexpr const char* kRecordIndent = "      ";

void line(std::ostream& out, const std::string& label, const std::string& text) {
  out << "  " << label << std::string(kLabelWidth - label.size(), ' ') << text << '\n';
}

std::string triggerText(const store::MarginCall& call) {
  // An absent trigger field reads as an empty one.
  const std::string reference = call.triggerReference.value_or("");
  const std::string price = call.triggerPrice.value_or("");
  const std::string quantity = call.triggerQuantity.value_or("");
  std::string text = orDash(call.triggerKind.value_or(""));
  if (!reference.empty()) text += " " + reference;
  if (!price.empty()) text += ", price " + price;
  if (!quantity.empty()) text += ", quantity " + quantity;
  if (call.triggerJournalSeq) text += " (journal record " + std::to_string(*call.triggerJournalSeq) + ")";
  return text;
}

std::string sessionsText(const std::string& sessions) {
  std::string text;
  for (const char c : sessions) text += c == ',' ? std::string(", ") : std::string(1, c);
  return text;
}

std::string endingText(const store::MarginCall& call) {
  if (call.status == "open") return "still open";
  if (call.status != "closed") return "still open: " + call.status;
  std::string text = timeOrDash(call.closedNs) + " " + call.outcome.value_or("closed");
  if (call.mannerMet) text += " (manner met: " + *call.mannerMet + ")";
  return text;
}

std::string counted(std::int64_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

void printSummary(std::ostream& out, const store::MarginCall& call) {
  out << "Margin call " << call.callId << " on account " << call.account;
  if (!call.currency.empty()) out << " (" << call.currency << ")";
  out << ": " << statusText(call) << '\n';
  line(out, "issued", formatUtcMillis(call.issuedNs) + " (audit record " + std::to_string(call.issuedSeq) + ")");
  line(out, "why", triggerText(call));
  line(out, "at issue", "equity " + call.equity + ", maintenance " + call.maintenance + ", initial " + call.initial +
                            ", deficit to maintenance " + call.deficitToMaintenance);
  line(out, "amount to cure", call.amountToCure + (call.currency.empty() ? "" : " " + call.currency) +
                                  (call.health ? " (health " + *call.health + ")" : ""));
  line(out, "deadline", formatUtcMillis(call.deadlineNs));
  line(out, "told", call.firstSentNs ? formatUtcMillis(*call.firstSentNs) + " to " + sessionsText(call.sessions)
                                     : "not sent");
  line(out, "acknowledged", call.acknowledgedNs ? formatUtcMillis(*call.acknowledgedNs) : "no");
  line(out, "escalations", call.escalations == 0 ? "none"
                                                 : std::to_string(call.escalations) + ": amount to cure now " +
                                                       call.lastAmountToCure + ", deadline now " +
                                                       formatUtcMillis(call.lastDeadlineNs));
  line(out, "liquidation", call.liquidationOrders == 0 && call.liquidationFills == 0
                               ? "none"
                               : counted(call.liquidationOrders, "order") + ", " +
                                     counted(call.liquidationFills, "fill"));
  line(out, "how it ended", endingText(call));
}

void printEntry(std::ostream& out, const store::AuditLogRow& entry) {
  out << "  #" << entry.seq << "  " << formatUtcMillis(entry.record.timeNs) << "  " << entry.record.kind;
  if (!entry.record.actor.empty()) out << "  by " << entry.record.actor;
  if (!entry.record.orderId.empty()) out << "  order " << entry.record.orderId;
  out << '\n';
  const std::string detail = renderDetail(entry.record.detail);
  if (!detail.empty()) out << kRecordIndent << detail << '\n';
  if (!entry.record.fixMessage.empty()) out << kRecordIndent << "FIX " << renderFix(entry.record.fixMessage) << '\n';
}

}  // namespace

void printCall(std::ostream& out, const CallWithTimeline& call, Format format) {
  if (format == Format::kJson) {
    nlohmann::json timeline = nlohmann::json::array();
    for (const store::AuditLogRow& entry : call.timeline) timeline.push_back(entryJson(entry));
    nlohmann::json object = summaryJson(call.call);
    object["timeline"] = timeline;
    out << dumpJson(object) << '\n';
    return;
  }
  printSummary(out, call.call);
  out << "\nTimeline (" << call.timeline.size() << " records)\n";
  for (const store::AuditLogRow& entry : call.timeline) printEntry(out, entry);
}

}  // namespace calllog
