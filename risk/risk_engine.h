#pragma once

// The risk core's single entry point: inputs in, events out. Deterministic: the same sequence of
// inputs always yields the same events and the same state, so state can be rebuilt by replay.
// Not thread-safe by design: one thread owns an engine.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "risk/events.h"
#include "risk/inputs.h"
#include "risk/margin_snapshot.h"
#include "risk/pre_trade_check.h"
#include "risk/risk_config.h"
#include "risk/risk_state.h"

namespace risk {

struct PositionReport {
  std::string symbol;
  Quantity quantity;
  Price averagePrice;
  std::optional<Price> mark;
  bool markStale = true;
  Quantity openBuy;
  Quantity openSell;
  Money unrealized;
  Money maintenance;
  Money initial;
  Money openOrderInitial;
};

struct CallReport {
  std::string callId;
  Timestamp issuedAt;
  Timestamp deadline;
  Money notifiedAmountToCure;
};

struct AccountReport {
  std::string account;
  std::string currency;
  MarginState state = MarginState::kNormal;
  bool halted = false;
  MarginSnapshot snapshot;
  std::vector<PositionReport> positions;  // sorted by symbol
  std::optional<CallReport> call;
  int openOrders = 0;
  // The ledger behind cash: opening + deposits - withdrawals + realized - commissions.
  Money openingCash;
  Money deposits;
  Money withdrawals;
  Money realized;
  Money commissions;
};

class RiskEngine {
 public:
  // The configuration must be valid (gateway/config validates it); an invalid one aborts.
  explicit RiskEngine(const RiskConfig& config);

  // Applies one input and appends the events it caused to `out` (which is not cleared).
  void apply(const Input& input, Events& out);

  void onNewOrder(const NewOrder& input, Events& out);
  void onCancel(const CancelRequest& input, Events& out);
  void onReplace(const ReplaceRequest& input, Events& out);
  void onVenueAck(const VenueAck& input, Events& out);
  void onVenueReject(const VenueReject& input, Events& out);
  void onFill(const Fill& input, Events& out);
  void onOrderDone(const OrderDone& input, Events& out);
  void onCancelRejected(const CancelRejected& input, Events& out);
  void onReplaceConfirmed(const ReplaceConfirmed& input, Events& out);
  void onReplaceRejected(const ReplaceRejected& input, Events& out);
  void onMarketData(const MarketData& input, Events& out);
  void onDeposit(const Deposit& input, Events& out);
  void onWithdrawal(const Withdrawal& input, Events& out);
  void onHalt(const Halt& input, Events& out);
  void onResume(const Resume& input, Events& out);
  void onTimer(const Timer& input, Events& out);
  void onConfigReload(const ConfigReload& input, Events& out);
  void onStoreStatus(const StoreStatus& input, Events& out);

  // The pre-trade decision without recording anything: no allocation, no state change.
  OrderDecision check(const NewOrder& order) const { return checkNewOrder(state_, order); }

  std::optional<AccountReport> report(std::string_view account) const;
  std::vector<std::string> accountIds() const;
  std::optional<Price> mark(std::string_view symbol) const;
  Timestamp now() const { return state_.now; }

  // Read-only access for tests, benchmarks and the invariant checks.
  const RiskState& state() const { return state_; }

 private:
  void advanceClock(Timestamp time);
  // Finds an open order by its id or by the id of its pending replacement.
  OrderState* findOrder(std::string_view clOrdId);
  // Forgets a finished order and keeps the liquidation's bookkeeping; re-evaluates if it matters.
  void finishOrder(OrderState& order, const Trigger& trigger, Events& out);
  void haltForBadInput(AccountIndex account, std::string_view input, std::string_view reference,
                       std::string_view reason, Events& out);
  std::optional<std::string> reloadProblem(const RiskConfig& config) const;

  RiskState state_;
};

}  // namespace risk
