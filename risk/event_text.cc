#include "risk/event_text.h"

#include <cstdio>
#include <ctime>

namespace risk {
namespace {

std::string amount(Money value) { return value.toString(); }

std::string joined(const std::vector<OrderId>& ids) {
  std::string text;
  for (const OrderId& id : ids) {
    if (!text.empty()) text += ',';
    text += id.view();
  }
  return text;
}

std::string trigger(const Trigger& trigger) {
  std::string text = " trigger=";
  text += toString(trigger.kind);
  if (!trigger.reference.empty()) {
    text += ':';
    text += trigger.reference.view();
  }
  if (!trigger.price.isZero()) text += "@" + trigger.price.toString();
  return text;
}

struct Describer {
  std::string operator()(const OrderAccepted& e) const {
    return "ORDER_ACCEPTED " + e.clOrdId.str() + " account=" + e.account.str() + " " + std::string(toString(e.side)) +
           " " + e.quantity.toString() + " " + e.symbol.str() + " @ " + e.limitPrice.toString() +
           (e.riskIncreasing ? " increasing" : " reducing") + " orderMargin=" + amount(e.orderMargin) +
           " availableAfter=" + amount(e.availableAfter);
  }
  std::string operator()(const OrderDenied& e) const {
    return "ORDER_DENIED " + e.clOrdId.str() + " account=" + e.account.str() + " " + e.denial.format();
  }
  std::string operator()(const ReplaceAccepted& e) const {
    return "REPLACE_ACCEPTED " + e.clOrdId.str() + " orig=" + e.origClOrdId.str() + " qty=" + e.quantity.toString() +
           " price=" + e.limitPrice.toString() + " orderMargin=" + amount(e.orderMargin);
  }
  std::string operator()(const ReplaceDenied& e) const {
    return "REPLACE_DENIED " + e.clOrdId.str() + " orig=" + e.origClOrdId.str() + " " + e.denial.format();
  }
  std::string operator()(const CancelAccepted& e) const { return "CANCEL_ACCEPTED " + e.origClOrdId.str(); }
  std::string operator()(const CancelDenied& e) const {
    return "CANCEL_DENIED " + e.origClOrdId.str() + " " + e.denial.format();
  }
  std::string operator()(const FillApplied& e) const {
    return std::string(e.liquidation ? "LIQUIDATION_FILL " : "FILL ") + e.clOrdId.str() + " account=" +
           e.account.str() + " " + std::string(toString(e.side)) + " " + e.quantity.toString() + " " + e.symbol.str() +
           " @ " + e.price.toString() + " commission=" + amount(e.commission) + " realized=" + amount(e.realized) +
           " position=" + e.positionAfter.toString() + (e.overfill ? " OVERFILL" : "");
  }
  std::string operator()(const InputRejected& e) const {
    return "INPUT_REJECTED " + std::string(e.input) + " " + e.reference.str() + ": " + std::string(e.reason);
  }
  std::string operator()(const MarginStateChanged& e) const {
    return "STATE " + e.account.str() + " " + std::string(toString(e.from)) + " -> " + std::string(toString(e.to)) +
           " " + describe(e.snapshot) + trigger(e.trigger);
  }
  std::string operator()(const WarningIssued& e) const {
    return "WARNING " + e.account.str() + " " + describe(e.snapshot) + trigger(e.trigger);
  }
  std::string operator()(const CallIssued& e) const {
    return "CALL_ISSUED " + e.callId.str() + " account=" + e.account.str() + " " + describe(e.snapshot) +
           " deadline=" + formatTimestamp(e.deadline) + trigger(e.trigger);
  }
  std::string operator()(const CallEscalated& e) const {
    return "CALL_ESCALATED " + e.callId.str() + " account=" + e.account.str() + " reason=" +
           std::string(toString(e.reason)) + " state=" + std::string(toString(e.state)) + " " + describe(e.snapshot) +
           trigger(e.trigger);
  }
  std::string operator()(const CallClosed& e) const {
    return "CALL_CLOSED " + e.callId.str() + " account=" + e.account.str() + " outcome=" +
           std::string(toString(e.outcome)) + " " + describe(e.snapshot) + trigger(e.trigger);
  }
  std::string operator()(const LiquidationPlan& e) const {
    std::string text = "LIQUIDATION_PLAN " + e.callId.str() + " account=" + e.account.str();
    if (!e.cancels.empty()) text += " cancel=" + joined(e.cancels);
    for (const LiquidationOrder& order : e.orders) {
      text += " [" + order.clOrdId.str() + " " + std::string(toString(order.side)) + " " + order.quantity.toString() +
              " " + order.symbol.str() + " @ " + order.limitPrice.toString() + " IOC]";
    }
    for (const Name& symbol : e.skippedStaleMarks) text += " skipped-stale=" + symbol.str();
    return text;
  }
  std::string operator()(const LiquidationStalled& e) const {
    return "LIQUIDATION_STALLED " + e.callId.str() + " account=" + e.account.str() +
           " plansWithoutFill=" + std::to_string(e.plansWithoutFill);
  }
  std::string operator()(const DepositApplied& e) const {
    return "DEPOSIT " + e.account.str() + " amount=" + amount(e.amount) + " " + describe(e.snapshot);
  }
  std::string operator()(const WithdrawalApplied& e) const {
    return "WITHDRAWAL " + e.account.str() + " amount=" + amount(e.amount) + " " + describe(e.snapshot);
  }
  std::string operator()(const AdminDenied& e) const {
    return "ADMIN_DENIED " + std::string(e.action) + " account=" + e.account.str() + " " + e.denial.format();
  }
  std::string operator()(const AccountHalted& e) const {
    return "HALTED " + e.account.str() + (e.byLiquidationStall ? " (liquidation stalled)" : "");
  }
  std::string operator()(const AccountResumed& e) const { return "RESUMED " + e.account.str(); }
  std::string operator()(const ConfigReloaded& e) const {
    return "CONFIG_RELOADED instruments=" + std::to_string(e.instruments) + " accounts=" + std::to_string(e.accounts);
  }
  std::string operator()(const ConfigReloadRefused& e) const { return "CONFIG_RELOAD_REFUSED " + e.reason; }
};

}  // namespace

std::string describe(const Event& event) { return std::visit(Describer{}, event); }

std::string describe(const MarginSnapshot& s) {
  return "equity=" + amount(s.equity) + " maintenance=" + amount(s.maintenance) + " initial=" + amount(s.initial) +
         " available=" + amount(s.availableFunds) + " deficitToMaintenance=" + amount(s.deficitToMaintenance) +
         " amountToCure=" + amount(s.amountToCure) + " health=" + (s.healthUnbounded ? "inf" : s.health.toString());
}

std::string formatTimestamp(Timestamp time) {
  const int64_t seconds = time.nanos >= 0 ? time.nanos / 1'000'000'000 : (time.nanos + 1) / 1'000'000'000 - 1;
  const int64_t millis = (time.nanos - seconds * 1'000'000'000) / 1'000'000;
  const std::time_t whole = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&whole, &parts);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, static_cast<int>(millis));
  return text;
}

}  // namespace risk
