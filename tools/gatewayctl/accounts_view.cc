#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "tools/gatewayctl/answer_views.h"
#include "tools/gatewayctl/json_fields.h"
#include "tools/gatewayctl/text_table.h"

namespace gatewayctl {
namespace {

struct Column {
  const char* heading;
  std::initializer_list<std::string_view> names;
};

const Column kColumns[] = {
    {"account", {"account", "id"}},
    {"currency", {"currency"}},
    {"state", {"state", "marginState"}},
    {"halted", {"halted"}},
    {"equity", {"equity"}},
    {"maintenance", {"maintenance", "maintenanceMargin"}},
    {"initial", {"initial", "initialMargin"}},
    {"available", {"availableFunds", "available"}},
    {"to cure", {"amountToCure"}},
    {"call", {"callId"}},
};

const nlohmann::json* accountList(const nlohmann::json& answer) {
  if (answer.is_array()) return &answer;
  const nlohmann::json* list = findField(answer, {"accounts"});
  return list != nullptr && list->is_array() ? list : nullptr;
}

}  // namespace

void printAccountsView(std::ostream& out, const nlohmann::json& answer) {
  const nlohmann::json* list = accountList(answer);
  if (list == nullptr) {
    printOtherFields(out, answer);
    return;
  }
  if (list->empty()) {
    out << "no accounts\n";
    return;
  }
  std::vector<const Column*> shown;
  for (const Column& column : kColumns) {
    for (const nlohmann::json& account : *list) {
      if (findField(account, column.names) != nullptr) {
        shown.push_back(&column);
        break;
      }
    }
  }
  std::vector<TableRow> rows(1);
  for (const Column* column : shown) rows[0].push_back(column->heading);
  for (const nlohmann::json& account : *list) {
    if (!account.is_object() || shown.empty()) {
      rows.push_back({displayText(&account)});
      continue;
    }
    TableRow row;
    for (const Column* column : shown) row.push_back(fieldText(account, column->names));
    rows.push_back(std::move(row));
  }
  if (shown.empty()) rows.erase(rows.begin());
  printTable(out, rows);
}

}  // namespace gatewayctl
