#pragma once

// What the risk core decides, as plain data. Events hold no views into inputs: they may be kept,
// queued to other threads and stored after the call that produced them.

#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

#include "risk/bounded_string.h"
#include "risk/denial.h"
#include "risk/fixed_point.h"
#include "risk/margin_snapshot.h"
#include "risk/time.h"
#include "risk/types.h"

namespace risk {

// What moved an account: the input that made the core re-evaluate it.
enum class TriggerKind : uint8_t { kFill, kMark, kDeposit, kWithdrawal, kTimer, kReload, kOrder };
struct Trigger {
  TriggerKind kind = TriggerKind::kTimer;
  Timestamp time;
  OrderId reference;  // fill: the order id; mark: the symbol; deposit/withdrawal: the reference
  Price price;        // fill: the fill price; mark: the new mark
  Quantity quantity;  // fill: the fill quantity
};
std::string_view toString(TriggerKind kind);

// Numbers at the moment an order was decided, for the audit trail and the client's Text.
struct OrderAccepted {
  Timestamp time;
  OrderId clOrdId;
  Name account;
  Name symbol;
  Side side = Side::kBuy;
  Quantity quantity;
  Price limitPrice;
  bool riskIncreasing = false;
  Money orderMargin;     // initial margin the order adds at worst case
  Money availableAfter;  // available funds once it is counted
};
struct OrderDenied {
  Timestamp time;
  OrderId clOrdId;
  Name account;  // empty when the account is unknown
  Denial denial;
};
struct ReplaceAccepted {
  Timestamp time;
  OrderId clOrdId;
  OrderId origClOrdId;
  Name account;
  Quantity quantity;
  Price limitPrice;
  bool riskIncreasing = false;
  Money orderMargin;
  Money availableAfter;
};
struct ReplaceDenied {
  Timestamp time;
  OrderId clOrdId;
  OrderId origClOrdId;
  Name account;
  Denial denial;
};
struct CancelAccepted {
  Timestamp time;
  OrderId origClOrdId;
  Name account;
};
struct CancelDenied {
  Timestamp time;
  OrderId origClOrdId;
  Denial denial;
};

struct FillApplied {
  Timestamp time;
  OrderId clOrdId;
  Name account;
  Name symbol;
  Side side = Side::kBuy;
  Quantity quantity;
  Price price;
  Money commission;
  Money realized;         // realized PnL of this fill (into cash)
  Quantity positionAfter; // signed
  bool liquidation = false;
  bool overfill = false;  // the venue filled more than the order's open quantity
};

// A venue or broker input the core could not apply; nothing changed. The gateway raises an alarm.
struct InputRejected {
  Timestamp time;
  std::string_view input;  // literal: "fill", "ack", ...
  OrderId reference;
  std::string_view reason;  // literal
};

struct MarginStateChanged {
  Timestamp time;
  Name account;
  MarginState from = MarginState::kNormal;
  MarginState to = MarginState::kNormal;
  MarginSnapshot snapshot;
  Trigger trigger;
};
struct WarningIssued {
  Timestamp time;
  Name account;
  MarginSnapshot snapshot;
  Trigger trigger;
};

using CallId = BoundedString<32>;

struct CallIssued {
  Timestamp time;
  CallId callId;
  Name account;
  MarginSnapshot snapshot;
  Timestamp deadline;
  Trigger trigger;
};
enum class EscalationReason : uint8_t { kAmountGrew, kLiquidationFloor, kDeadlinePassed, kNegativeEquity };
std::string_view toString(EscalationReason reason);
struct CallEscalated {
  Timestamp time;
  CallId callId;
  Name account;
  EscalationReason reason = EscalationReason::kAmountGrew;
  MarginState state = MarginState::kCall;  // the state after escalation
  MarginSnapshot snapshot;
  Timestamp deadline;
  Trigger trigger;
};
enum class CallOutcome : uint8_t {
  kCuredByDeposit,
  kCuredByFills,
  kCuredByPrices,
  kCuredByReload,
  kLiquidated,           // liquidation restored equity to the cure target
  kLiquidatedToFlat,     // every position closed; a deficit may remain (cash below zero)
};
std::string_view toString(CallOutcome outcome);
struct CallClosed {
  Timestamp time;
  CallId callId;
  Name account;
  CallOutcome outcome = CallOutcome::kCuredByDeposit;
  MarginSnapshot snapshot;
  Trigger trigger;
};

struct LiquidationOrder {
  OrderId clOrdId;  // made by the core: "LIQ-<call id>-<n>"
  Name symbol;
  Side side = Side::kSell;
  Quantity quantity;
  Price limitPrice;  // the mark through the collar, on the tick grid: immediate-or-cancel
};
struct LiquidationPlan {
  Timestamp time;
  CallId callId;
  Name account;
  std::vector<OrderId> cancels;        // risk-increasing open orders to cancel first
  std::vector<LiquidationOrder> orders;
  std::vector<Name> skippedStaleMarks; // positions not liquidated because their mark is stale
  MarginSnapshot snapshot;
};
// Liquidation made no progress over several plans: the account is halted for a person to act.
struct LiquidationStalled {
  Timestamp time;
  CallId callId;
  Name account;
  int plansWithoutFill = 0;
};

struct DepositApplied {
  Timestamp time;
  Name account;
  Money amount;
  MarginSnapshot snapshot;
};
struct WithdrawalApplied {
  Timestamp time;
  Name account;
  Money amount;
  MarginSnapshot snapshot;
};
struct AdminDenied {  // deposit, withdrawal, halt or resume refused
  Timestamp time;
  Name account;
  std::string_view action;  // literal
  Denial denial;
};
struct AccountHalted {
  Timestamp time;
  Name account;
  bool byLiquidationStall = false;
};
struct AccountResumed {
  Timestamp time;
  Name account;
};
struct ConfigReloaded {
  Timestamp time;
  int instruments = 0;
  int accounts = 0;
};
struct ConfigReloadRefused {
  Timestamp time;
  std::string reason;
};

using Event = std::variant<OrderAccepted, OrderDenied, ReplaceAccepted, ReplaceDenied, CancelAccepted, CancelDenied,
                           FillApplied, InputRejected, MarginStateChanged, WarningIssued, CallIssued, CallEscalated,
                           CallClosed, LiquidationPlan, LiquidationStalled, DepositApplied, WithdrawalApplied,
                           AdminDenied, AccountHalted, AccountResumed, ConfigReloaded, ConfigReloadRefused>;

using Events = std::vector<Event>;

}  // namespace risk
