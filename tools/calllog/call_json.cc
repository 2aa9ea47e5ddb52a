#include "tools/calllog/call_json.h"

#include <optional>
#include <sstream>
#include <string>

#include "tools/calllog/detail_text.h"
#include "tools/calllog/time_text.h"

namespace calllog {
namespace {

using Json = nlohmann::json;

template <typename T>
Json orNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

void putTime(Json& object, const std::string& name, const std::optional<std::int64_t>& ns) {
  object[name] = ns ? Json(formatUtcMillis(*ns)) : Json(nullptr);
  object[name + "_ns"] = orNull(ns);
}

Json sessionList(const std::string& sessions) {
  Json list = Json::array();
  std::istringstream in(sessions);
  std::string session;
  while (std::getline(in, session, ',')) {
    if (!session.empty()) list.push_back(session);
  }
  return list;
}

}  // namespace

Json summaryJson(const store::MarginCall& call) {
  Json object;
  object["call_id"] = call.callId;
  object["account"] = call.account;
  object["currency"] = call.currency;
  putTime(object, "issued", call.issuedNs);
  object["issued_seq"] = call.issuedSeq;
  putTime(object, "deadline", call.deadlineNs);
  putTime(object, "last_deadline", call.lastDeadlineNs);
  object["equity"] = call.equity;
  object["maintenance"] = call.maintenance;
  object["initial"] = call.initial;
  object["deficit_to_maintenance"] = call.deficitToMaintenance;
  object["amount_to_cure"] = call.amountToCure;
  object["health"] = orNull(call.health);
  // An absent trigger field is "" (not null), as ever.
  object["trigger"] = {{"kind", call.triggerKind.value_or("")},
                       {"reference", call.triggerReference.value_or("")},
                       {"price", call.triggerPrice.value_or("")},
                       {"quantity", call.triggerQuantity.value_or("")},
                       {"journal_seq", orNull(call.triggerJournalSeq)}};
  object["sessions"] = sessionList(call.sessions);
  putTime(object, "first_sent", call.firstSentNs);
  object["escalations"] = call.escalations;
  object["last_amount_to_cure"] = call.lastAmountToCure;
  putTime(object, "acknowledged", call.acknowledgedNs);
  object["liquidation_orders"] = call.liquidationOrders;
  object["liquidation_fills"] = call.liquidationFills;
  object["status"] = call.status;
  object["outcome"] = orNull(call.outcome);
  putTime(object, "closed", call.closedNs);
  object["manner_met"] = orNull(call.mannerMet);
  return object;
}

Json entryJson(const store::AuditLogRow& entry) {
  Json object;
  object["seq"] = entry.seq;
  putTime(object, "time", entry.record.timeNs);
  object["kind"] = entry.record.kind;
  object["account"] = entry.record.account;
  object["call_id"] = entry.record.callId;
  object["order_id"] = entry.record.orderId;
  object["actor"] = entry.record.actor;
  object["detail"] = detailJson(entry.record.detail);
  const std::string& fix = entry.record.fixMessage;
  object["fix_message"] = fix.empty() ? Json(nullptr) : Json(fix);  // exact: SOH as \u0001
  object["prev_hash"] = entry.prevHash;
  object["hash"] = entry.hash;
  return object;
}

Json dailyJson(const DailyRow& row) {
  Json object;
  object["call_id"] = row.callId;
  object["account"] = row.account;
  object["currency"] = row.currency;
  object["amount_required"] = row.amountRequired;
  object["date_issued"] = row.dateIssued;
  putTime(object, "issued", row.issuedNs);
  object["date_met"] = row.dateMet.empty() ? Json(nullptr) : Json(row.dateMet);
  object["manner_met"] = row.mannerMet;
  return object;
}

}  // namespace calllog
