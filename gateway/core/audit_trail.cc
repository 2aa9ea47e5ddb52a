#include "gateway/core/audit_trail.h"

#include <nlohmann/json.hpp>

#include "gateway/bridge/liquidation_ids.h"
#include "gateway/core/json_writer.h"
#include "risk/event_text.h"

namespace gateway::core {
namespace {

using nlohmann::json;

std::string decimal(risk::Money value) { return value.toString(); }
std::string decimal(risk::Price value) { return value.toString(); }
std::string decimal(risk::Quantity value) { return value.toString(); }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The records a margin call leaves (state changes, the call, its escalations and close, the
// messages sent) are written field by field, like the per-order ones: a breaching tick's path.
void writeSnapshot(JsonWriter& out, const risk::MarginSnapshot& snapshot) {
  out.field("cash", decimal(snapshot.cash));
  out.field("unrealized", decimal(snapshot.unrealized));
  out.field("equity", decimal(snapshot.equity));
  out.field("maintenance", decimal(snapshot.maintenance));
  out.field("initial", decimal(snapshot.initial));
  out.field("open_order_initial", decimal(snapshot.openOrderInitial));
  out.field("available_funds", decimal(snapshot.availableFunds));
  out.field("deficit_to_maintenance", decimal(snapshot.deficitToMaintenance));
  out.field("amount_to_cure", decimal(snapshot.amountToCure));
  if (snapshot.healthUnbounded) {
    out.nullField("health");
  } else {
    out.field("health", snapshot.health.toString());
  }
}

void writeTrigger(JsonWriter& out, const risk::Trigger& trigger, std::int64_t journalSeq) {
  out.beginObject("trigger");
  out.field("kind", lower(risk::toString(trigger.kind)));
  out.field("reference", trigger.reference.view());
  out.field("price", decimal(trigger.price));
  out.field("quantity", decimal(trigger.quantity));
  out.field("time_ns", trigger.time.nanos);
  out.field("journal_seq", journalSeq);
  out.endObject();
}

json denialJson(const risk::Denial& denial) {
  json details = json::object();
  for (std::size_t i = 0; i < denial.size(); ++i) {
    const risk::DenialDetail& detail = denial[i];
    const std::string name(detail.name);
    switch (detail.kind) {
      case risk::DenialDetail::Kind::kMillis: details[name] = detail.value; break;
      case risk::DenialDetail::Kind::kText: details[name] = std::string(detail.text); break;
      default: details[name] = risk::formatRawDecimal(detail.value); break;
    }
  }
  return json{{"code", std::string(risk::toString(denial.code()))}, {"numbers", details}, {"text", denial.format()}};
}

// An accepted order or replace: the terms and what it costs in margin. Written without a JSON
// document: these and fills are the records every order leaves.
template <class Accepted>
void writeAccepted(JsonWriter& out, const Accepted& e, std::int64_t journalSeq) {
  out.field("quantity", decimal(e.quantity));
  out.field("limit_price", decimal(e.limitPrice));
  out.field("risk_increasing", e.riskIncreasing);
  out.field("order_margin", decimal(e.orderMargin));
  out.field("available_after", decimal(e.availableAfter));
  out.field("journal_seq", journalSeq);
}

template <class Write>
std::string jsonObject(Write write) {
  std::string text;
  text.reserve(256);
  JsonWriter out(text);
  out.beginObject();
  write(out);
  out.endObject();
  return text;
}

// The call's numbers, flattened as the store's margin_calls summary reads them.
void writeCall(JsonWriter& out, const risk::MarginSnapshot& snapshot, std::string_view currency,
               risk::Timestamp deadline) {
  writeSnapshot(out, snapshot);
  out.field("currency", currency);
  out.field("deadline_ns", deadline.nanos);
}

}  // namespace

void AuditTrail::add(risk::Timestamp time, std::string_view kind, std::string_view account, std::string_view callId,
                     std::string_view orderId, std::string_view actor, std::string detail, std::string fixMessage) {
  if (recorder_.replaying()) return;  // stored already: skip the work of building it
  recorder_.audit(store::AuditRecord{time.nanos, std::string(kind), std::string(account), std::string(callId),
                                     std::string(orderId), std::string(actor), std::move(detail),
                                     std::move(fixMessage)});
}

void AuditTrail::onEvent(const risk::Event& event, std::string_view actor) {
  if (recorder_.replaying()) return;
  const std::int64_t input = recorder_.currentInput();
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, risk::OrderAccepted>) {
          add(e.time, "order_accepted", e.account.view(), bridge::callIdOfLiquidationOrder(e.clOrdId.str()),
              e.clOrdId.view(), actor, jsonObject([&](JsonWriter& out) {
                writeAccepted(out, e, input);
                out.field("symbol", e.symbol.view());
                out.field("side", risk::toString(e.side));
              }));
        } else if constexpr (std::is_same_v<T, risk::OrderDenied>) {
          json detail = denialJson(e.denial);
          detail["journal_seq"] = input;
          add(e.time, "order_denied", e.account.view(), "", e.clOrdId.view(), actor, detail.dump());
        } else if constexpr (std::is_same_v<T, risk::ReplaceAccepted>) {
          add(e.time, "replace_accepted", e.account.view(), "", e.clOrdId.view(), actor,
              jsonObject([&](JsonWriter& out) {
                writeAccepted(out, e, input);
                out.field("orig_order_id", e.origClOrdId.view());
              }));
        } else if constexpr (std::is_same_v<T, risk::ReplaceDenied>) {
          json detail = denialJson(e.denial);
          detail["orig_order_id"] = e.origClOrdId.str();
          detail["journal_seq"] = input;
          add(e.time, "replace_denied", e.account.view(), "", e.clOrdId.view(), actor, detail.dump());
        } else if constexpr (std::is_same_v<T, risk::CancelAccepted>) {
          add(e.time, "cancel_accepted", e.account.view(), "", e.origClOrdId.view(), actor,
              jsonObject([&](JsonWriter& out) { out.field("journal_seq", input); }));
        } else if constexpr (std::is_same_v<T, risk::CancelDenied>) {
          json detail = denialJson(e.denial);
          detail["journal_seq"] = input;
          add(e.time, "cancel_denied", "", "", e.origClOrdId.view(), actor, detail.dump());
        } else if constexpr (std::is_same_v<T, risk::FillApplied>) {
          const std::string callId = e.liquidation ? bridge::callIdOfLiquidationOrder(e.clOrdId.str()) : std::string();
          add(e.time, e.liquidation ? "liquidation_fill" : "fill", e.account.view(), callId, e.clOrdId.view(), actor,
              jsonObject([&](JsonWriter& out) {
                out.field("symbol", e.symbol.view());
                out.field("side", risk::toString(e.side));
                out.field("quantity", decimal(e.quantity));
                out.field("price", decimal(e.price));
                out.field("commission", decimal(e.commission));
                out.field("realized", decimal(e.realized));
                out.field("position_after", decimal(e.positionAfter));
                out.field("overfill", e.overfill);
                out.field("journal_seq", input);
              }));
        } else if constexpr (std::is_same_v<T, risk::InputRejected>) {
          add(e.time, "input_rejected", "", "", e.reference.view(), actor,
              json{{"input", std::string(e.input)}, {"reason", std::string(e.reason)}, {"journal_seq", input}}
                  .dump());
        } else if constexpr (std::is_same_v<T, risk::MarginStateChanged>) {
          const auto report = engine_.report(e.account.view());
          const std::string callId = report && report->call ? report->call->callId : std::string();
          add(e.time, "state_changed", e.account.view(), callId, "", actor, jsonObject([&](JsonWriter& out) {
                writeSnapshot(out, e.snapshot);
                out.field("from", risk::toString(e.from));
                out.field("to", risk::toString(e.to));
                writeTrigger(out, e.trigger, input);
              }));
        } else if constexpr (std::is_same_v<T, risk::WarningIssued>) {
          add(e.time, "warning", e.account.view(), "", "", actor, jsonObject([&](JsonWriter& out) {
                writeSnapshot(out, e.snapshot);
                writeTrigger(out, e.trigger, input);
              }));
        } else if constexpr (std::is_same_v<T, risk::CallIssued>) {
          const auto report = engine_.report(e.account.view());
          add(e.time, "call_issued", e.account.view(), e.callId.view(), "", actor, jsonObject([&](JsonWriter& out) {
                writeCall(out, e.snapshot, report ? report->currency : std::string(), e.deadline);
                writeTrigger(out, e.trigger, input);
              }));
        } else if constexpr (std::is_same_v<T, risk::CallEscalated>) {
          const auto report = engine_.report(e.account.view());
          add(e.time, "call_escalated", e.account.view(), e.callId.view(), "", actor,
              jsonObject([&](JsonWriter& out) {
                writeCall(out, e.snapshot, report ? report->currency : std::string(), e.deadline);
                out.field("reason", lower(risk::toString(e.reason)));
                out.field("state", risk::toString(e.state));
                writeTrigger(out, e.trigger, input);
              }));
        } else if constexpr (std::is_same_v<T, risk::CallClosed>) {
          add(e.time, "call_closed", e.account.view(), e.callId.view(), "", actor, jsonObject([&](JsonWriter& out) {
                writeSnapshot(out, e.snapshot);
                out.field("outcome", lower(risk::toString(e.outcome)));
                writeTrigger(out, e.trigger, input);
              }));
        } else if constexpr (std::is_same_v<T, risk::LiquidationPlan>) {
          for (const risk::OrderId& cancel : e.cancels) {
            add(e.time, "liquidation_cancel", e.account.view(), e.callId.view(), cancel.view(), actor,
                jsonObject([&](JsonWriter& out) { out.field("journal_seq", input); }));
          }
          for (const risk::LiquidationOrder& order : e.orders) {
            add(e.time, "liquidation_order", e.account.view(), e.callId.view(), order.clOrdId.view(), actor,
                jsonObject([&](JsonWriter& out) {
                  out.field("symbol", order.symbol.view());
                  out.field("side", risk::toString(order.side));
                  out.field("quantity", decimal(order.quantity));
                  out.field("limit_price", decimal(order.limitPrice));
                  out.field("journal_seq", input);
                }));
          }
          if (!e.skippedStaleMarks.empty()) {
            json skipped = json::array();
            for (const risk::Name& symbol : e.skippedStaleMarks) skipped.push_back(symbol.str());
            add(e.time, "liquidation_skipped", e.account.view(), e.callId.view(), "", actor,
                json{{"stale_marks", skipped}}.dump());
          }
        } else if constexpr (std::is_same_v<T, risk::LiquidationStalled>) {
          add(e.time, "liquidation_stalled", e.account.view(), e.callId.view(), "", actor,
              json{{"plans_without_fill", e.plansWithoutFill}}.dump());
        } else if constexpr (std::is_same_v<T, risk::DepositApplied> || std::is_same_v<T, risk::WithdrawalApplied>) {
          add(e.time, std::is_same_v<T, risk::DepositApplied> ? "deposit" : "withdrawal", e.account.view(), "", "",
              actor, jsonObject([&](JsonWriter& out) {
                writeSnapshot(out, e.snapshot);
                out.field("amount", decimal(e.amount));
              }));
        } else if constexpr (std::is_same_v<T, risk::AdminDenied>) {
          json detail = denialJson(e.denial);
          detail["action"] = std::string(e.action);
          add(e.time, "admin_denied", e.account.view(), "", "", actor, detail.dump());
        } else if constexpr (std::is_same_v<T, risk::AccountHalted>) {
          add(e.time, "halted", e.account.view(), "", "", actor,
              json{{"by_liquidation_stall", e.byLiquidationStall}}.dump());
        } else if constexpr (std::is_same_v<T, risk::AccountResumed>) {
          add(e.time, "resumed", e.account.view(), "", "", actor, "{}");
        } else if constexpr (std::is_same_v<T, risk::ConfigReloaded>) {
          add(e.time, "config_reloaded", "", "", "", actor,
              json{{"instruments", e.instruments}, {"accounts", e.accounts}}.dump());
        } else if constexpr (std::is_same_v<T, risk::ConfigReloadRefused>) {
          add(e.time, "config_reload_refused", "", "", "", actor, json{{"reason", e.reason}}.dump());
        }
      },
      event);
}

void AuditTrail::onAdminAction(const AdminInput& action, risk::Timestamp now) {
  json detail{{"action", action.action}};
  if (action.action == "deposit" || action.action == "withdrawal") {
    detail["amount"] = risk::formatRawDecimal(action.amount);
    detail["reference"] = action.reference;
  }
  if (action.action == "halt") detail["reason"] = action.reason;
  if (action.action == "reload") detail["config_bytes"] = action.configText.size();
  detail["journal_seq"] = recorder_.currentInput();
  add(now, "admin_" + action.action, action.account, "", "", action.user, detail.dump());
}

void AuditTrail::onCallSent(const bridge::CollateralRequestOut& call, std::string_view session, risk::Timestamp now) {
  add(now, "call_sent", call.account, call.callId, "", session, jsonObject([&](JsonWriter& out) {
        out.field("state", call.numbers.state);
        out.field("amount_to_cure", risk::formatRawDecimal(call.numbers.amountToCure));
        out.field("deficit_to_maintenance", risk::formatRawDecimal(call.numbers.deficitToMaintenance));
        out.field("equity", risk::formatRawDecimal(call.numbers.equity));
        out.field("deadline_ns", call.expireTimeNanos);
        out.field("text", call.text);
      }));
}

void AuditTrail::onCallAcknowledged(const bridge::ClientCollateralAssignment& assignment, std::string_view callId,
                                    std::string_view session, risk::Timestamp now) {
  add(now, "call_acknowledged", assignment.account, callId, "", session,
      json{{"assignment_id", assignment.assignmentId},
           {"amount", assignment.hasAmount ? json(risk::formatRawDecimal(assignment.amount)) : json(nullptr)},
           {"currency", assignment.currency},
           {"text", assignment.text}}
          .dump());
}

void AuditTrail::onGatewayDenial(std::string_view kind, std::string_view orderId, std::string_view account,
                                 std::string_view code, std::string_view session, risk::Timestamp now) {
  add(now, kind, account, "", orderId, session,
      json{{"code", std::string(code)}, {"journal_seq", recorder_.currentInput()}}.dump());
}

void AuditTrail::onFixMessage(const bridge::TappedFixMessage& message) {
  add(risk::Timestamp{message.timeNanos}, "fix_message", message.account, message.callId, message.orderId,
      message.session, jsonObject([&](JsonWriter& out) {
        out.field("direction", message.outbound ? "out" : "in");
        out.field("msg_type", message.msgType);
      }),
      message.raw);
}

}  // namespace gateway::core
