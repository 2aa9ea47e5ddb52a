#include <string>
#include <vector>

#include "tools/gatewayctl/answer_views.h"
#include "tools/gatewayctl/json_fields.h"
#include "tools/gatewayctl/text_table.h"

namespace gatewayctl {
namespace {

// The account itself: the answer, or its "account" member when that is an object.
const nlohmann::json& accountOf(const nlohmann::json& answer) {
  const nlohmann::json* nested = findField(answer, {"account"});
  return nested != nullptr && nested->is_object() ? *nested : answer;
}

std::string stateText(const nlohmann::json& account) {
  std::string state = fieldText(account, {"state", "marginState"});
  const nlohmann::json* halted = findField(account, {"halted"});
  if (halted != nullptr && halted->is_boolean() && halted->get<bool>()) state += ", HALTED";
  return state;
}

std::string healthText(const nlohmann::json& account) {
  const nlohmann::json* unbounded = findField(account, {"healthUnbounded"});
  const nlohmann::json* health = findField(account, {"health"});
  // Health is equity / maintenance: without maintenance it is unbounded, sent as null or flagged.
  const bool isUnbounded = (unbounded != nullptr && unbounded->is_boolean() && unbounded->get<bool>()) ||
                           (health != nullptr && health->is_null());
  return isUnbounded ? "unbounded (no maintenance)" : displayText(health);
}

void printCall(std::ostream& out, const nlohmann::json& account) {
  const nlohmann::json* call = findField(account, {"call", "marginCall", "openCall"});
  if (call == nullptr || !call->is_object()) {
    out << "  call            none\n";
    return;
  }
  out << "  call            " << fieldText(*call, {"callId", "id"}) << "\n";
  out << "  deadline        " << fieldText(*call, {"deadline"}) << "\n";
  const nlohmann::json* amount = findField(*call, {"amountToCure", "notifiedAmountToCure", "amount"});
  if (amount != nullptr) out << "  call amount     " << displayText(amount) << "\n";
}

void printPositions(std::ostream& out, const nlohmann::json& account) {
  const nlohmann::json* positions = findField(account, {"positions"});
  if (positions == nullptr || !positions->is_array() || positions->empty()) {
    out << "Positions: none\n";
    return;
  }
  std::vector<TableRow> rows = {{"symbol", "quantity", "avg price", "mark", "unrealized", "maintenance", "initial"}};
  for (const nlohmann::json& position : *positions) {
    rows.push_back({fieldText(position, {"symbol", "instrument"}), fieldText(position, {"quantity", "qty"}),
                    fieldText(position, {"averagePrice", "avgPrice"}), fieldText(position, {"mark", "markPrice"}),
                    fieldText(position, {"unrealized", "unrealizedPnl"}), fieldText(position, {"maintenance"}),
                    fieldText(position, {"initial"})});
  }
  out << "Positions\n";
  printTable(out, rows, "  ");
}

}  // namespace

void printStatusView(std::ostream& out, const nlohmann::json& answer) {
  const nlohmann::json& account = accountOf(answer);
  std::string title = "Account " + fieldText(account, {"account", "id"});
  const nlohmann::json* currency = findField(account, {"currency"});
  if (currency != nullptr) title += " (" + displayText(currency) + ")";
  out << title << "\n";
  out << "  state           " << stateText(account) << "\n";
  out << "  equity          " << fieldText(account, {"equity"}) << "\n";
  out << "  maintenance     " << fieldText(account, {"maintenance", "maintenanceMargin"}) << "\n";
  out << "  initial         " << fieldText(account, {"initial", "initialMargin"}) << "\n";
  out << "  available       " << fieldText(account, {"availableFunds", "available"}) << "\n";
  out << "  amount to cure  " << fieldText(account, {"amountToCure"}) << "\n";
  out << "  deficit         " << fieldText(account, {"deficitToMaintenance", "deficit"}) << "\n";
  out << "  health          " << healthText(account) << "\n";
  printCall(out, account);
  printPositions(out, account);
}

}  // namespace gatewayctl
