// Stable spellings of the core's enums: they appear in logs, the store and FIX Text fields.
#include "risk/events.h"
#include "risk/types.h"

namespace risk {

std::string_view toString(Side side) { return side == Side::kBuy ? "BUY" : "SELL"; }

std::string_view toString(OrderType type) { return type == OrderType::kLimit ? "LIMIT" : "MARKET"; }

std::string_view toString(MarginState state) {
  switch (state) {
    case MarginState::kNormal: return "NORMAL";
    case MarginState::kWarning: return "WARNING";
    case MarginState::kCall: return "CALL";
    case MarginState::kLiquidation: return "LIQUIDATION";
  }
  return "UNKNOWN";
}

std::string_view toString(TriggerKind kind) {
  switch (kind) {
    case TriggerKind::kFill: return "FILL";
    case TriggerKind::kMark: return "MARK";
    case TriggerKind::kDeposit: return "DEPOSIT";
    case TriggerKind::kWithdrawal: return "WITHDRAWAL";
    case TriggerKind::kTimer: return "TIMER";
    case TriggerKind::kReload: return "RELOAD";
    case TriggerKind::kOrder: return "ORDER";
  }
  return "UNKNOWN";
}

std::string_view toString(EscalationReason reason) {
  switch (reason) {
    case EscalationReason::kAmountGrew: return "AMOUNT_GREW";
    case EscalationReason::kLiquidationFloor: return "LIQUIDATION_FLOOR";
    case EscalationReason::kDeadlinePassed: return "DEADLINE_PASSED";
    case EscalationReason::kNegativeEquity: return "NEGATIVE_EQUITY";
  }
  return "UNKNOWN";
}

std::string_view toString(CallOutcome outcome) {
  switch (outcome) {
    case CallOutcome::kCuredByDeposit: return "CURED_BY_DEPOSIT";
    case CallOutcome::kCuredByFills: return "CURED_BY_FILLS";
    case CallOutcome::kCuredByPrices: return "CURED_BY_PRICES";
    case CallOutcome::kCuredByReload: return "CURED_BY_RELOAD";
    case CallOutcome::kLiquidated: return "LIQUIDATED";
    case CallOutcome::kLiquidatedToFlat: return "LIQUIDATED_TO_FLAT";
  }
  return "UNKNOWN";
}

}  // namespace risk
