// calllog daily: the daily margin-call record.

#include "tools/calllog/call_json.h"
#include "tools/calllog/call_views.h"
#include "tools/calllog/csv_writer.h"
#include "tools/calllog/text_table.h"
#include "tools/calllog/view_helpers.h"

namespace calllog {

void printDaily(std::ostream& out, const std::string& date, const std::vector<DailyRow>& rows, Format format) {
  if (format == Format::kJson) {
    nlohmann::json calls = nlohmann::json::array();
    for (const DailyRow& row : rows) calls.push_back(dailyJson(row));
    out << dumpJson(nlohmann::json{{"date", date}, {"calls", calls}}) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    writeCsvRow(out, {"call_id", "account", "currency", "amount_required", "date_issued", "date_met", "manner_met"});
    for (const DailyRow& row : rows) {
      writeCsvRow(out, {row.callId, row.account, row.currency, row.amountRequired, row.dateIssued, row.dateMet,
                        row.mannerMet});
    }
    return;
  }
  out << "Margin calls issued on " << date << " (UTC): " << rows.size() << "\n";
  if (rows.empty()) return;
  std::vector<TableRow> table{{"CALL", "ACCOUNT", "AMOUNT REQUIRED", "CCY", "DATE ISSUED", "DATE MET", "MANNER MET"}};
  for (const DailyRow& row : rows) {
    table.push_back({row.callId, row.account, row.amountRequired, orDash(row.currency), row.dateIssued,
                     orDash(row.dateMet), row.mannerMet});
  }
  out << '\n';
  printTable(out, table);
}

}  // namespace calllog
