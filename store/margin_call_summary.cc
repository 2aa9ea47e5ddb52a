#include "store/margin_call_summary.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace store {

namespace {

using nlohmann::json;

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

// A member as exact text: strings as given, numbers and booleans as JSON writes them.
std::optional<std::string> textOf(const json& object, const char* key) {
  const json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return value->get<std::string>();
  if (value->is_primitive()) return value->dump();
  return std::nullopt;
}

std::optional<std::int64_t> intOf(const json& object, const char* key) {
  const json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) return value->get<std::int64_t>();
  return std::nullopt;
}

json parseDetail(const std::string& detail) { return json::parse(detail, nullptr, false); }

bool hasSession(const std::string& sessions, const std::string& actor) {
  std::string_view rest = sessions;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    if (rest.substr(0, comma) == actor) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

MarginCall issue(std::int64_t seq, const AuditRecord& record) {
  const json detail = parseDetail(record.detail);
  MarginCall call;
  call.callId = record.callId;
  call.account = record.account;
  call.currency = textOf(detail, "currency").value_or("");
  call.issuedNs = record.timeNs;
  call.issuedSeq = seq;
  call.deadlineNs = intOf(detail, "deadline_ns").value_or(0);
  call.lastDeadlineNs = call.deadlineNs;
  call.equity = textOf(detail, "equity").value_or("");
  call.maintenance = textOf(detail, "maintenance").value_or("");
  call.initial = textOf(detail, "initial").value_or("");
  call.deficitToMaintenance = textOf(detail, "deficit_to_maintenance").value_or("");
  call.amountToCure = textOf(detail, "amount_to_cure").value_or("");
  call.lastAmountToCure = call.amountToCure;
  call.health = textOf(detail, "health");
  if (const json* trigger = member(detail, "trigger")) {
    call.triggerKind = textOf(*trigger, "kind");
    call.triggerReference = textOf(*trigger, "reference");
    call.triggerPrice = textOf(*trigger, "price");
    call.triggerQuantity = textOf(*trigger, "quantity");
    call.triggerJournalSeq = intOf(*trigger, "journal_seq");
  }
  return call;
}

void startLiquidating(MarginCall& call) {
  if (call.status != "closed") call.status = "liquidating";
}

SqlValue optionalText(const std::optional<std::string>& value) {
  return value ? SqlValue(*value) : SqlValue(std::monostate{});
}

SqlValue optionalInt(const std::optional<std::int64_t>& value) {
  return value ? SqlValue(*value) : SqlValue(std::monostate{});
}

std::string text(const SqlValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  return {};
}

std::int64_t integer(const SqlValue& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return *n;
  return 0;
}

std::optional<std::string> maybeText(const SqlValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
  return text(value);
}

std::optional<std::int64_t> maybeInteger(const SqlValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
  return integer(value);
}

}  // namespace

std::string mannerMetFor(const std::string& outcome) {
  if (outcome == "cured_by_deposit") return "deposit";
  if (outcome == "cured_by_fills") return "fills";
  if (outcome == "cured_by_prices") return "price moves";
  if (outcome == "cured_by_reload") return "configuration reload";
  if (outcome == "liquidated") return "liquidation";
  if (outcome == "liquidated_to_flat") return "liquidation to flat";
  return outcome;
}

bool applyAuditRecord(std::optional<MarginCall>& call, std::int64_t seq, const AuditRecord& record) {
  if (record.callId.empty()) return false;
  const std::string& kind = record.kind;
  if (kind == "call_issued") {
    if (call) return false;
    call = issue(seq, record);
    return true;
  }
  if (!call) return false;
  MarginCall& c = *call;
  if (kind == "call_escalated") {
    const json detail = parseDetail(record.detail);
    ++c.escalations;
    if (auto amount = textOf(detail, "amount_to_cure")) c.lastAmountToCure = *amount;
    if (auto deadline = intOf(detail, "deadline_ns")) c.lastDeadlineNs = *deadline;
    if (textOf(detail, "state") == "LIQUIDATION") startLiquidating(c);
    return true;
  }
  if (kind == "call_sent") {
    if (!c.firstSentNs) c.firstSentNs = record.timeNs;
    if (!hasSession(c.sessions, record.actor)) {
      if (!c.sessions.empty()) c.sessions += ',';
      c.sessions += record.actor;
    }
    return true;
  }
  if (kind == "call_acknowledged") {
    if (c.acknowledgedNs) return false;
    c.acknowledgedNs = record.timeNs;
    return true;
  }
  if (kind == "liquidation_order") {
    ++c.liquidationOrders;
    startLiquidating(c);
    return true;
  }
  if (kind == "liquidation_fill") {
    ++c.liquidationFills;
    startLiquidating(c);
    return true;
  }
  if (kind == "call_closed") {
    if (c.status == "closed") return false;
    const std::string outcome = textOf(parseDetail(record.detail), "outcome").value_or("unknown");
    c.status = "closed";
    c.outcome = outcome;
    c.closedNs = record.timeNs;
    c.mannerMet = mannerMetFor(outcome);
    return true;
  }
  return false;
}

std::vector<SqlValue> toColumns(const MarginCall& c) {
  return {c.callId,
          c.account,
          c.currency,
          c.issuedNs,
          c.issuedSeq,
          c.deadlineNs,
          c.lastDeadlineNs,
          c.equity,
          c.maintenance,
          c.initial,
          c.deficitToMaintenance,
          c.amountToCure,
          optionalText(c.health),
          optionalText(c.triggerKind),
          optionalText(c.triggerReference),
          optionalText(c.triggerPrice),
          optionalText(c.triggerQuantity),
          optionalInt(c.triggerJournalSeq),
          c.sessions,
          optionalInt(c.firstSentNs),
          c.escalations,
          c.lastAmountToCure,
          optionalInt(c.acknowledgedNs),
          c.liquidationOrders,
          c.liquidationFills,
          c.status,
          optionalText(c.outcome),
          optionalInt(c.closedNs),
          optionalText(c.mannerMet)};
}

MarginCall fromColumns(const std::vector<SqlValue>& v) {
  MarginCall c;
  if (v.size() != kMarginCallColumns.size()) return c;
  c.callId = text(v[0]);
  c.account = text(v[1]);
  c.currency = text(v[2]);
  c.issuedNs = integer(v[3]);
  c.issuedSeq = integer(v[4]);
  c.deadlineNs = integer(v[5]);
  c.lastDeadlineNs = integer(v[6]);
  c.equity = text(v[7]);
  c.maintenance = text(v[8]);
  c.initial = text(v[9]);
  c.deficitToMaintenance = text(v[10]);
  c.amountToCure = text(v[11]);
  c.health = maybeText(v[12]);
  c.triggerKind = maybeText(v[13]);
  c.triggerReference = maybeText(v[14]);
  c.triggerPrice = maybeText(v[15]);
  c.triggerQuantity = maybeText(v[16]);
  c.triggerJournalSeq = maybeInteger(v[17]);
  c.sessions = text(v[18]);
  c.firstSentNs = maybeInteger(v[19]);
  c.escalations = integer(v[20]);
  c.lastAmountToCure = text(v[21]);
  c.acknowledgedNs = maybeInteger(v[22]);
  c.liquidationOrders = integer(v[23]);
  c.liquidationFills = integer(v[24]);
  c.status = text(v[25]);
  c.outcome = maybeText(v[26]);
  c.closedNs = maybeInteger(v[27]);
  c.mannerMet = maybeText(v[28]);
  return c;
}

std::string marginCallColumnList() {
  std::string list;
  for (const char* name : kMarginCallColumns) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

}  // namespace store
