// calllog export: every summary column of the selected calls (CSV), or the calls with their
// timelines (JSON).

#include <functional>
#include <utility>

#include "tools/calllog/call_json.h"
#include "tools/calllog/call_views.h"
#include "tools/calllog/csv_writer.h"
#include "tools/calllog/time_text.h"

namespace calllog {
namespace {

using Column = std::pair<const char*, std::function<std::string(const store::MarginCall&)>>;

std::string number(const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : ""; }
std::string time(const std::optional<std::int64_t>& ns) { return ns ? formatUtcMillis(*ns) : ""; }

const std::vector<Column>& exportColumns() {
  static const std::vector<Column> columns{
      {"call_id", [](const store::MarginCall& c) { return c.callId; }},
      {"account", [](const store::MarginCall& c) { return c.account; }},
      {"currency", [](const store::MarginCall& c) { return c.currency; }},
      {"issued", [](const store::MarginCall& c) { return time(c.issuedNs); }},
      {"issued_ns", [](const store::MarginCall& c) { return number(c.issuedNs); }},
      {"issued_seq", [](const store::MarginCall& c) { return number(c.issuedSeq); }},
      {"deadline", [](const store::MarginCall& c) { return time(c.deadlineNs); }},
      {"deadline_ns", [](const store::MarginCall& c) { return number(c.deadlineNs); }},
      {"last_deadline", [](const store::MarginCall& c) { return time(c.lastDeadlineNs); }},
      {"last_deadline_ns", [](const store::MarginCall& c) { return number(c.lastDeadlineNs); }},
      {"equity", [](const store::MarginCall& c) { return c.equity; }},
      {"maintenance", [](const store::MarginCall& c) { return c.maintenance; }},
      {"initial", [](const store::MarginCall& c) { return c.initial; }},
      {"deficit_to_maintenance", [](const store::MarginCall& c) { return c.deficitToMaintenance; }},
      {"amount_to_cure", [](const store::MarginCall& c) { return c.amountToCure; }},
      {"health", [](const store::MarginCall& c) { return c.health.value_or(""); }},
      {"trigger_kind", [](const store::MarginCall& c) { return c.triggerKind.value_or(""); }},
      {"trigger_reference", [](const store::MarginCall& c) { return c.triggerReference.value_or(""); }},
      {"trigger_price", [](const store::MarginCall& c) { return c.triggerPrice.value_or(""); }},
      {"trigger_quantity", [](const store::MarginCall& c) { return c.triggerQuantity.value_or(""); }},
      {"trigger_journal_seq", [](const store::MarginCall& c) { return number(c.triggerJournalSeq); }},
      {"sessions", [](const store::MarginCall& c) { return c.sessions; }},
      {"first_sent", [](const store::MarginCall& c) { return time(c.firstSentNs); }},
      {"first_sent_ns", [](const store::MarginCall& c) { return number(c.firstSentNs); }},
      {"escalations", [](const store::MarginCall& c) { return number(c.escalations); }},
      {"last_amount_to_cure", [](const store::MarginCall& c) { return c.lastAmountToCure; }},
      {"acknowledged", [](const store::MarginCall& c) { return time(c.acknowledgedNs); }},
      {"acknowledged_ns", [](const store::MarginCall& c) { return number(c.acknowledgedNs); }},
      {"liquidation_orders", [](const store::MarginCall& c) { return number(c.liquidationOrders); }},
      {"liquidation_fills", [](const store::MarginCall& c) { return number(c.liquidationFills); }},
      {"status", [](const store::MarginCall& c) { return c.status; }},
      {"outcome", [](const store::MarginCall& c) { return c.outcome.value_or(""); }},
      {"closed", [](const store::MarginCall& c) { return time(c.closedNs); }},
      {"closed_ns", [](const store::MarginCall& c) { return number(c.closedNs); }},
      {"manner_met", [](const store::MarginCall& c) { return c.mannerMet.value_or(""); }},
  };
  return columns;
}

}  // namespace

void printExport(std::ostream& out, const std::vector<CallWithTimeline>& calls, Format format) {
  if (format == Format::kJson) {
    nlohmann::json list = nlohmann::json::array();
    for (const CallWithTimeline& call : calls) {
      nlohmann::json timeline = nlohmann::json::array();
      for (const store::AuditLogRow& entry : call.timeline) timeline.push_back(entryJson(entry));
      nlohmann::json object = summaryJson(call.call);
      object["timeline"] = timeline;
      list.push_back(object);
    }
    out << dumpJson(list) << '\n';
    return;
  }
  std::vector<std::string> heading;
  for (const Column& column : exportColumns()) heading.push_back(column.first);
  writeCsvRow(out, heading);
  for (const CallWithTimeline& call : calls) {
    std::vector<std::string> row;
    for (const Column& column : exportColumns()) row.push_back(column.second(call.call));
    writeCsvRow(out, row);
  }
}

}  // namespace calllog
