#include "risk/risk_engine.h"

#include <algorithm>
#include <utility>

#include "risk/margin_calculator.h"
#include "risk/margin_call_machine.h"
#include "risk/order_book.h"

namespace risk {
namespace {

AccountState accountFrom(const AccountConfig& config) {
  AccountState account;
  account.config = config;
  account.cash = config.cash;
  account.openingCash = config.cash;
  return account;
}

InstrumentState instrumentFrom(const Instrument& config) {
  InstrumentState instrument;
  instrument.config = config;
  return instrument;
}

Trigger triggerFor(TriggerKind kind, Timestamp time, std::string_view reference, Price price = Price::zero(),
                   Quantity quantity = Quantity::zero()) {
  Trigger trigger;
  trigger.kind = kind;
  trigger.time = time;
  if (OrderId::fits(reference)) trigger.reference = OrderId(reference);
  trigger.price = price;
  trigger.quantity = quantity;
  return trigger;
}

Money narrow(Wide value) {
  const auto money = Money::fromWide(value);
  return money ? *money : (value < 0 ? -Money::max() : Money::max());
}

// The mark a quote gives: the mid when both sides are there and not crossed, else the last trade.
std::optional<Price> markFrom(const InstrumentState& instrument) {
  if (instrument.bid && instrument.ask && *instrument.bid <= *instrument.ask) {
    const Wide mid = divideRounded(instrument.bid->wide() + instrument.ask->wide(), 2, Rounding::kHalfEven);
    return Price::fromRaw(static_cast<int64_t>(mid));
  }
  if (instrument.last) return instrument.last;
  return std::nullopt;
}

// Makes an order's pending replacement the order itself: its quantity, price and id (the new key).
OrderState& promoteReplacement(RiskState& state, StringMap<OrderState>::iterator found) {
  auto node = state.orders.extract(found);
  OrderState& order = node.mapped();
  order.quantity = order.replace->quantity;
  order.limitPrice = order.replace->limitPrice;
  order.clOrdId = order.replace->clOrdId;
  order.replace.reset();
  state.replacing.erase(order.clOrdId);
  node.key() = order.clOrdId;
  return state.orders.insert(std::move(node)).position->second;
}

}  // namespace

RiskEngine::RiskEngine(const RiskConfig& config) {
  state_.defaultThresholds = config.defaultThresholds;
  for (const Instrument& instrument : config.instruments) {
    if (validateTiers(instrument.tiers.tiers()).problem != nullptr) invariantBroken("invalid tiers in config");
    if (!state_.instrumentBySymbol.emplace(instrument.symbol, state_.instruments.size()).second) {
      invariantBroken("duplicate symbol in config");
    }
    state_.instruments.push_back(instrumentFrom(instrument));
  }
  for (const AccountConfig& account : config.accounts) {
    if (!state_.accountById.emplace(account.id, state_.accounts.size()).second) {
      invariantBroken("duplicate account in config");
    }
    state_.accounts.push_back(accountFrom(account));
  }
}

void RiskEngine::apply(const Input& input, Events& out) {
  std::visit(
      [&](const auto& typed) {
        using T = std::decay_t<decltype(typed)>;
        if constexpr (std::is_same_v<T, NewOrder>) onNewOrder(typed, out);
        else if constexpr (std::is_same_v<T, CancelRequest>) onCancel(typed, out);
        else if constexpr (std::is_same_v<T, ReplaceRequest>) onReplace(typed, out);
        else if constexpr (std::is_same_v<T, VenueAck>) onVenueAck(typed, out);
        else if constexpr (std::is_same_v<T, VenueReject>) onVenueReject(typed, out);
        else if constexpr (std::is_same_v<T, Fill>) onFill(typed, out);
        else if constexpr (std::is_same_v<T, OrderDone>) onOrderDone(typed, out);
        else if constexpr (std::is_same_v<T, CancelRejected>) onCancelRejected(typed, out);
        else if constexpr (std::is_same_v<T, ReplaceConfirmed>) onReplaceConfirmed(typed, out);
        else if constexpr (std::is_same_v<T, ReplaceRejected>) onReplaceRejected(typed, out);
        else if constexpr (std::is_same_v<T, MarketData>) onMarketData(typed, out);
        else if constexpr (std::is_same_v<T, Deposit>) onDeposit(typed, out);
        else if constexpr (std::is_same_v<T, Withdrawal>) onWithdrawal(typed, out);
        else if constexpr (std::is_same_v<T, Halt>) onHalt(typed, out);
        else if constexpr (std::is_same_v<T, Resume>) onResume(typed, out);
        else if constexpr (std::is_same_v<T, Timer>) onTimer(typed, out);
        else if constexpr (std::is_same_v<T, ConfigReload>) onConfigReload(typed, out);
        else if constexpr (std::is_same_v<T, StoreStatus>) onStoreStatus(typed, out);
      },
      input);
}

void RiskEngine::advanceClock(Timestamp time) { state_.now = std::max(state_.now, time); }

OrderState* RiskEngine::findOrder(std::string_view clOrdId) {
  auto found = state_.orders.find(clOrdId);
  if (found != state_.orders.end()) return &found->second;
  auto replacing = state_.replacing.find(clOrdId);
  if (replacing == state_.replacing.end()) return nullptr;
  found = state_.orders.find(replacing->second);
  return found == state_.orders.end() ? nullptr : &found->second;
}

// ---- Client requests ----

void RiskEngine::onNewOrder(const NewOrder& input, Events& out) {
  advanceClock(input.time);
  const OrderDecision decision = checkNewOrder(state_, input);
  if (decision.denial) {
    OrderDenied denied{state_.now, OrderId(), Name(), *decision.denial};
    if (OrderId::fits(input.clOrdId)) denied.clOrdId = OrderId(input.clOrdId);
    if (decision.accountKnown) denied.account = Name(input.account);
    out.push_back(denied);
    return;
  }
  OrderState order;
  order.clOrdId = std::string(input.clOrdId);
  order.account = decision.account;
  order.instrument = decision.instrument;
  order.side = input.side;
  order.type = input.type;
  order.quantity = input.quantity;
  order.limitPrice = input.type == OrderType::kLimit ? input.limitPrice : Price::zero();
  addOrder(state_, std::move(order));
  out.push_back(OrderAccepted{state_.now, OrderId(input.clOrdId), Name(input.account), Name(input.symbol), input.side,
                              input.quantity, input.limitPrice, decision.riskIncreasing, decision.orderMargin,
                              decision.availableAfter});
}

void RiskEngine::onCancel(const CancelRequest& input, Events& out) {
  advanceClock(input.time);
  auto deny = [&](Denial denial) {
    CancelDenied denied{state_.now, OrderId(), denial};
    if (OrderId::fits(input.origClOrdId)) denied.origClOrdId = OrderId(input.origClOrdId);
    out.push_back(denied);
  };
  auto found = state_.orders.find(input.origClOrdId);
  if (found == state_.orders.end()) return deny(Denial(DenialCode::kUnknownOrder));
  OrderState& order = found->second;
  const AccountState& account = state_.accounts[order.account];
  const bool entitled = std::find(input.entitledAccounts.begin(), input.entitledAccounts.end(), account.config.id) !=
                        input.entitledAccounts.end();
  if (!entitled) return deny(Denial(DenialCode::kNotEntitled));
  if (order.liquidation) return deny(Denial(DenialCode::kOrderNotReplaceable).text("reason", "liquidation order"));
  order.cancelPending = true;  // still charged until the venue confirms
  out.push_back(CancelAccepted{state_.now, OrderId(input.origClOrdId), Name(account.config.id)});
}

void RiskEngine::onReplace(const ReplaceRequest& input, Events& out) {
  advanceClock(input.time);
  const OrderDecision decision = checkReplace(state_, input);
  if (decision.denial) {
    ReplaceDenied denied{state_.now, OrderId(), OrderId(), Name(), *decision.denial};
    if (OrderId::fits(input.clOrdId)) denied.clOrdId = OrderId(input.clOrdId);
    if (OrderId::fits(input.origClOrdId)) denied.origClOrdId = OrderId(input.origClOrdId);
    if (decision.accountKnown) denied.account = Name(state_.accounts[decision.account].config.id);
    out.push_back(denied);
    return;
  }
  OrderState& order = state_.orders.find(input.origClOrdId)->second;
  order.replace = PendingReplace{std::string(input.clOrdId), input.quantity, input.limitPrice};
  state_.replacing.emplace(std::string(input.clOrdId), order.clOrdId);
  state_.usedClOrdIds.insert(std::string(input.clOrdId));
  setCharge(state_, order, chargeFor(order));
  out.push_back(ReplaceAccepted{state_.now, OrderId(input.clOrdId), OrderId(input.origClOrdId),
                                Name(state_.accounts[order.account].config.id), input.quantity, input.limitPrice,
                                decision.riskIncreasing, decision.orderMargin, decision.availableAfter});
}

// ---- Venue reports ----

void RiskEngine::onVenueAck(const VenueAck& input, Events& out) {
  advanceClock(input.time);
  OrderState* order = findOrder(input.clOrdId);
  if (!order) {
    out.push_back(InputRejected{state_.now, "ack", OrderId(), "unknown order"});
    if (OrderId::fits(input.clOrdId)) std::get<InputRejected>(out.back()).reference = OrderId(input.clOrdId);
    return;
  }
  order->acknowledged = true;
}

void RiskEngine::finishOrder(OrderState& order, const Trigger& trigger, Events& out) {
  const AccountIndex index = order.account;
  AccountState& account = state_.accounts[index];
  const bool liquidation = order.liquidation;
  const bool cancelByLiquidation = order.cancelByLiquidation;
  removeOrder(state_, order.clOrdId);
  if (!account.call) return;
  if (liquidation && account.call->liquidationOrdersOpen > 0) --account.call->liquidationOrdersOpen;
  if (cancelByLiquidation && account.call->cancelsOpen > 0) --account.call->cancelsOpen;
  // In liquidation any finished order matters: a client's reducing order that goes away no longer
  // caps what the liquidation may close, so the next step must not wait for the next mark.
  if (liquidation || cancelByLiquidation || account.state == MarginState::kLiquidation) {
    evaluateAccount(state_, index, trigger, out);
  }
}

void RiskEngine::onVenueReject(const VenueReject& input, Events& out) {
  advanceClock(input.time);
  OrderState* order = findOrder(input.clOrdId);
  if (!order) {
    InputRejected rejected{state_.now, "venue reject", OrderId(), "unknown order"};
    if (OrderId::fits(input.clOrdId)) rejected.reference = OrderId(input.clOrdId);
    out.push_back(rejected);
    return;
  }
  finishOrder(*order, triggerFor(TriggerKind::kOrder, input.time, input.clOrdId), out);
}

void RiskEngine::haltForBadInput(AccountIndex index, std::string_view input, std::string_view reference,
                                 std::string_view reason, Events& out) {
  InputRejected rejected{state_.now, input, OrderId(), reason};
  if (OrderId::fits(reference)) rejected.reference = OrderId(reference);
  out.push_back(rejected);
  AccountState& account = state_.accounts[index];
  if (!account.halted) {
    account.halted = true;
    out.push_back(AccountHalted{state_.now, Name(account.config.id), false});
  }
}

void RiskEngine::onFill(const Fill& input, Events& out) {
  advanceClock(input.time);
  OrderState* found = findOrder(input.clOrdId);
  if (!found) {
    InputRejected rejected{state_.now, "fill", OrderId(), "unknown order"};
    if (OrderId::fits(input.clOrdId)) rejected.reference = OrderId(input.clOrdId);
    out.push_back(rejected);
    return;
  }
  if (!input.quantity.isPositive() || !input.price.isPositive() || input.commission.isNegative()) {
    haltForBadInput(found->account, "fill", input.clOrdId, "non-positive quantity or price, or negative commission",
                    out);
    return;
  }
  // A fill under the pending replacement's id means the venue has replaced the order: the new quantity
  // and id apply from this fill on (else a fill beyond the old quantity would finish the order early).
  OrderState& order = found->replace && found->replace->clOrdId == input.clOrdId
                          ? promoteReplacement(state_, state_.orders.find(found->clOrdId))
                          : *found;
  const AccountIndex index = order.account;
  AccountState& account = state_.accounts[index];
  const InstrumentState& instrument = state_.instruments[order.instrument];
  PositionState& position = positionFor(state_, index, order.instrument);
  const auto result = applyFill(position.quantity, position.costBasis, order.side, input.quantity, input.price,
                                instrument.config.multiplier);
  const auto cash = Money::fromWide(account.cash.wide() + (result ? result->realized.wide() : 0) -
                                    input.commission.wide());
  if (!result || !cash) {
    haltForBadInput(index, "fill", input.clOrdId, "value out of range", out);
    return;
  }
  const PositionState before = position;
  position.quantity = result->quantity;
  position.costBasis = result->costBasis;
  if (!refreshPosition(account, position, instrument)) {
    position.quantity = before.quantity;
    position.costBasis = before.costBasis;
    haltForBadInput(index, "fill", input.clOrdId, "value out of range", out);
    return;
  }
  account.cash = *cash;
  account.realized += result->realized.wide();
  account.commissions += input.commission.wide();

  const Quantity leavesBefore = order.leaves();
  const bool overfill = input.quantity > leavesBefore;
  order.filled = Quantity::fromRaw(std::min(order.quantity.raw(), order.filled.raw() + input.quantity.raw()));
  order.acknowledged = true;
  if (order.liquidation && account.call) account.call->plansWithoutFill = 0;
  out.push_back(FillApplied{state_.now, OrderId(order.clOrdId), Name(account.config.id), Name(instrument.config.symbol),
                            order.side, input.quantity, input.price, input.commission, result->realized,
                            result->quantity, order.liquidation, overfill});

  const Trigger trigger = triggerFor(TriggerKind::kFill, input.time, input.clOrdId, input.price, input.quantity);
  if (order.leaves().isZero()) {
    const bool liquidation = order.liquidation;
    const bool cancelByLiquidation = order.cancelByLiquidation;
    removeOrder(state_, order.clOrdId);
    if (account.call && liquidation && account.call->liquidationOrdersOpen > 0) --account.call->liquidationOrdersOpen;
    if (account.call && cancelByLiquidation && account.call->cancelsOpen > 0) --account.call->cancelsOpen;
  } else {
    setCharge(state_, order, chargeFor(order));
  }
  evaluateAccount(state_, index, trigger, out);
}

void RiskEngine::onOrderDone(const OrderDone& input, Events& out) {
  advanceClock(input.time);
  OrderState* order = findOrder(input.clOrdId);
  if (!order) {
    InputRejected rejected{state_.now, "order done", OrderId(), "unknown order"};
    if (OrderId::fits(input.clOrdId)) rejected.reference = OrderId(input.clOrdId);
    out.push_back(rejected);
    return;
  }
  finishOrder(*order, triggerFor(TriggerKind::kOrder, input.time, input.clOrdId), out);
}

void RiskEngine::onCancelRejected(const CancelRejected& input, Events& out) {
  advanceClock(input.time);
  OrderState* order = findOrder(input.origClOrdId);
  if (!order) {
    // An order that finished meanwhile is a race, not an error; an id never seen is an unknown order.
    if (state_.usedClOrdIds.find(input.origClOrdId) != state_.usedClOrdIds.end()) return;
    InputRejected rejected{state_.now, "cancel rejected", OrderId(), "unknown order"};
    if (OrderId::fits(input.origClOrdId)) rejected.reference = OrderId(input.origClOrdId);
    out.push_back(rejected);
    return;
  }
  order->cancelPending = false;
  if (!order->cancelByLiquidation) return;
  order->cancelByLiquidation = false;
  const AccountIndex index = order->account;
  AccountState& account = state_.accounts[index];
  if (!account.call) return;
  if (account.call->cancelsOpen > 0) --account.call->cancelsOpen;
  ++account.call->plansWithoutFill;  // a refused cancel is a step without progress
  evaluateAccount(state_, index, triggerFor(TriggerKind::kOrder, input.time, input.origClOrdId), out);
}

void RiskEngine::onReplaceConfirmed(const ReplaceConfirmed& input, Events& out) {
  advanceClock(input.time);
  auto found = state_.orders.find(input.origClOrdId);
  if (found == state_.orders.end() || !found->second.replace || found->second.replace->clOrdId != input.clOrdId) {
    if (state_.orders.find(input.clOrdId) != state_.orders.end()) return;  // a fill under the new id confirmed it
    InputRejected rejected{state_.now, "replace confirmed", OrderId(), "no such pending replace"};
    if (OrderId::fits(input.clOrdId)) rejected.reference = OrderId(input.clOrdId);
    out.push_back(rejected);
    return;
  }
  OrderState& replaced = promoteReplacement(state_, found);
  if (replaced.leaves().isZero()) {  // finished: a cancel the liquidation asked for is done too
    finishOrder(replaced, triggerFor(TriggerKind::kOrder, input.time, input.clOrdId), out);
    return;
  }
  setCharge(state_, replaced, chargeFor(replaced));
}

void RiskEngine::onReplaceRejected(const ReplaceRejected& input, Events& out) {
  advanceClock(input.time);
  auto found = state_.orders.find(input.origClOrdId);
  if (found == state_.orders.end() && state_.usedClOrdIds.find(input.origClOrdId) == state_.usedClOrdIds.end()) {
    InputRejected rejected{state_.now, "replace rejected", OrderId(), "unknown order"};
    if (OrderId::fits(input.origClOrdId)) rejected.reference = OrderId(input.origClOrdId);
    out.push_back(rejected);
    return;
  }
  if (found == state_.orders.end() || !found->second.replace) return;  // finished meanwhile
  OrderState& order = found->second;
  state_.replacing.erase(order.replace->clOrdId);
  order.replace.reset();
  setCharge(state_, order, chargeFor(order));
  (void)out;
}

// ---- Market data ----

void RiskEngine::onMarketData(const MarketData& input, Events& out) {
  advanceClock(input.time);
  const auto index = state_.instrumentIndex(input.symbol);
  auto reject = [&](std::string_view reason) {
    InputRejected rejected{state_.now, "market data", OrderId(), reason};
    if (OrderId::fits(input.symbol)) rejected.reference = OrderId(input.symbol);
    out.push_back(rejected);
  };
  if (!index) return reject("unknown symbol");
  for (const auto& price : {input.bid, input.ask, input.last}) {
    if (price && !price->isPositive()) return reject("non-positive price");
  }
  InstrumentState& instrument = state_.instruments[*index];
  if (input.bid) instrument.bid = input.bid;
  if (input.ask) instrument.ask = input.ask;
  if (input.last) instrument.last = input.last;
  const auto price = markFrom(instrument);
  if (!price) return;
  // Holders are re-evaluated when the mark moves or comes back from stale (a liquidation waiting
  // for a fresh mark can go on); a fresh mark at the same price only renews its age.
  const bool wasStale = markIsStale(instrument, state_.now);
  const bool moved = !instrument.mark || instrument.mark->price != *price;
  instrument.mark = Mark{*price, input.time};
  if (!moved && !wasStale) return;

  const Trigger trigger = triggerFor(TriggerKind::kMark, input.time, input.symbol, *price);
  // Only the accounts holding this instrument (a position or an open order) are re-priced.
  const std::vector<AccountIndex>& holders = instrument.holders;
  for (std::size_t i = 0; i < holders.size(); ++i) {
    const AccountIndex account = holders[i];
    PositionState* position = state_.accounts[account].findPosition(*index);
    if (!refreshPosition(state_.accounts[account], *position, instrument)) {
      haltForBadInput(account, "market data", input.symbol, "position value out of range", out);
      continue;
    }
    evaluateAccount(state_, account, trigger, out);
  }
}

// ---- The broker ----

void RiskEngine::onDeposit(const Deposit& input, Events& out) {
  advanceClock(input.time);
  const auto index = state_.accountIndex(input.account);
  auto deny = [&](Denial denial) {
    AdminDenied denied{state_.now, Name(), "deposit", denial};
    if (index) denied.account = Name(input.account);
    out.push_back(denied);
  };
  if (!index) return deny(Denial(DenialCode::kUnknownAccount));
  if (!input.amount.isPositive()) return deny(Denial(DenialCode::kInvalidAmount).money("amount", input.amount));
  AccountState& account = state_.accounts[*index];
  const auto cash = checkedAdd(account.cash, input.amount);
  if (!cash) return deny(Denial(DenialCode::kValueOutOfRange).money("amount", input.amount));
  account.cash = *cash;
  account.deposits += input.amount.wide();
  out.push_back(DepositApplied{state_.now, Name(input.account), input.amount, snapshotOf(account)});
  evaluateAccount(state_, *index, triggerFor(TriggerKind::kDeposit, input.time, input.reference), out);
}

void RiskEngine::onWithdrawal(const Withdrawal& input, Events& out) {
  advanceClock(input.time);
  const auto index = state_.accountIndex(input.account);
  auto deny = [&](Denial denial) {
    AdminDenied denied{state_.now, Name(), "withdrawal", denial};
    if (index) denied.account = Name(input.account);
    out.push_back(denied);
  };
  if (!index) return deny(Denial(DenialCode::kUnknownAccount));
  if (!input.amount.isPositive()) return deny(Denial(DenialCode::kInvalidAmount).money("amount", input.amount));
  AccountState& account = state_.accounts[*index];
  const MarginSnapshot before = snapshotOf(account);
  if (account.state == MarginState::kCall || account.state == MarginState::kLiquidation) {
    return deny(Denial(DenialCode::kAccountInCall).text("state", toString(account.state)).money("amount", input.amount));
  }
  if (input.amount > account.cash) {
    return deny(Denial(DenialCode::kWithdrawalExceedsCash).money("amount", input.amount).money("cash", account.cash));
  }
  const Wide availableAfter = before.availableFunds.wide() - input.amount.wide();
  if (availableAfter < 0) {
    return deny(Denial(DenialCode::kWithdrawalBreachesInitial)
                    .money("amount", input.amount)
                    .money("equity", before.equity)
                    .money("initial", before.initial)
                    .money("openOrderMargin", before.openOrderInitial)
                    .money("availableFunds", before.availableFunds));
  }
  account.cash = Money::fromRaw(account.cash.raw() - input.amount.raw());
  account.withdrawals += input.amount.wide();
  out.push_back(WithdrawalApplied{state_.now, Name(input.account), input.amount, snapshotOf(account)});
  evaluateAccount(state_, *index, triggerFor(TriggerKind::kWithdrawal, input.time, input.reference), out);
}

void RiskEngine::onHalt(const Halt& input, Events& out) {
  advanceClock(input.time);
  const auto index = state_.accountIndex(input.account);
  if (!index) {
    out.push_back(AdminDenied{state_.now, Name(), "halt", Denial(DenialCode::kUnknownAccount)});
    return;
  }
  AccountState& account = state_.accounts[*index];
  if (account.halted) return;
  account.halted = true;
  out.push_back(AccountHalted{state_.now, Name(input.account), false});
}

void RiskEngine::onStoreStatus(const StoreStatus& input, Events&) {
  advanceClock(input.time);
  state_.storeAvailable = input.available;
}

void RiskEngine::onResume(const Resume& input, Events& out) {
  advanceClock(input.time);
  const auto index = state_.accountIndex(input.account);
  if (!index) {
    out.push_back(AdminDenied{state_.now, Name(), "resume", Denial(DenialCode::kUnknownAccount)});
    return;
  }
  AccountState& account = state_.accounts[*index];
  if (!account.halted) return;
  account.halted = false;
  out.push_back(AccountResumed{state_.now, Name(input.account)});
  if (account.call) {
    account.call->plansWithoutFill = 0;  // a person looked: liquidation may try again
    account.call->waitingForMarks = false;
    evaluateAccount(state_, *index, triggerFor(TriggerKind::kTimer, input.time, input.account), out);
  }
}

void RiskEngine::onTimer(const Timer& input, Events& out) {
  advanceClock(input.time);
  evaluateDeadlines(state_, out);
}

// ---- Configuration reload ----

std::optional<std::string> RiskEngine::reloadProblem(const RiskConfig& config) const {
  StringMap<const Instrument*> instruments;
  for (const Instrument& instrument : config.instruments) instruments.emplace(instrument.symbol, &instrument);
  for (const InstrumentState& current : state_.instruments) {
    if (!current.listed) continue;
    const auto next = instruments.find(current.config.symbol);
    const bool held = !current.holders.empty();
    if (next == instruments.end()) {
      if (held) return "instrument " + current.config.symbol + " is held or has open orders and cannot be removed";
      continue;
    }
    if (held && (next->second->multiplier != current.config.multiplier ||
                 next->second->currency != current.config.currency)) {
      return "instrument " + current.config.symbol + " is held: its multiplier and currency cannot change";
    }
  }
  StringMap<const AccountConfig*> accounts;
  for (const AccountConfig& account : config.accounts) accounts.emplace(account.id, &account);
  for (const AccountState& current : state_.accounts) {
    if (!current.listed) continue;
    const auto next = accounts.find(current.config.id);
    const bool active = !current.positions.empty() || current.call || !current.cash.isZero();
    if (next == accounts.end()) {
      if (active) return "account " + current.config.id + " has cash, positions or a call and cannot be removed";
      continue;
    }
    if (next->second->currency != current.config.currency && active) {
      return "account " + current.config.id + " is active: its currency cannot change";
    }
  }
  return std::nullopt;
}

void RiskEngine::onConfigReload(const ConfigReload& input, Events& out) {
  advanceClock(input.time);
  if (!input.config) invariantBroken("reload without a configuration");
  const RiskConfig& config = *input.config;
  if (auto problem = reloadProblem(config)) {
    out.push_back(ConfigReloadRefused{state_.now, *problem});
    return;
  }
  state_.defaultThresholds = config.defaultThresholds;
  for (InstrumentState& instrument : state_.instruments) instrument.listed = false;
  for (const Instrument& next : config.instruments) {
    auto [it, inserted] = state_.instrumentBySymbol.emplace(next.symbol, state_.instruments.size());
    if (inserted) {
      state_.instruments.push_back(instrumentFrom(next));
    } else {
      state_.instruments[it->second].config = next;
      state_.instruments[it->second].listed = true;
    }
  }
  for (AccountState& account : state_.accounts) account.listed = false;
  for (const AccountConfig& next : config.accounts) {
    auto [it, inserted] = state_.accountById.emplace(next.id, state_.accounts.size());
    if (inserted) {
      state_.accounts.push_back(accountFrom(next));
    } else {
      AccountState& account = state_.accounts[it->second];
      const Money cash = account.cash;  // cash is the ledger's, never the file's
      account.config = next;
      account.config.cash = cash;
      account.listed = true;
    }
  }
  // Requirements may have changed: re-price everything and re-evaluate every account.
  const Trigger trigger = triggerFor(TriggerKind::kReload, input.time, "reload");
  for (AccountIndex index = 0; index < state_.accounts.size(); ++index) {
    AccountState& account = state_.accounts[index];
    bool priced = true;
    for (PositionState& position : account.positions) {
      priced = refreshPosition(account, position, state_.instruments[position.instrument]) && priced;
    }
    if (!priced) {
      haltForBadInput(index, "reload", account.config.id, "position value out of range", out);
      continue;
    }
    if (account.listed) evaluateAccount(state_, index, trigger, out);
  }
  out.push_back(ConfigReloaded{state_.now, static_cast<int>(config.instruments.size()),
                               static_cast<int>(config.accounts.size())});
}

// ---- Reports ----

std::optional<AccountReport> RiskEngine::report(std::string_view id) const {
  const auto index = state_.accountIndex(id);
  if (!index) return std::nullopt;
  const AccountState& account = state_.accounts[*index];
  AccountReport report;
  report.account = account.config.id;
  report.currency = account.config.currency;
  report.state = account.state;
  report.halted = account.halted;
  report.snapshot = snapshotOf(account);
  for (const PositionState& position : account.positions) {
    const InstrumentState& instrument = state_.instruments[position.instrument];
    PositionReport line;
    line.symbol = instrument.config.symbol;
    line.quantity = position.quantity;
    line.averagePrice = averageEntryPrice(position, instrument.config.multiplier);
    if (instrument.mark) line.mark = instrument.mark->price;
    line.markStale = markIsStale(instrument, state_.now);
    line.openBuy = position.openBuy;
    line.openSell = position.openSell;
    line.unrealized = position.unrealized;
    line.maintenance = position.maintenance;
    line.initial = position.initial;
    line.openOrderInitial = position.openOrderInitial;
    report.positions.push_back(line);
  }
  std::sort(report.positions.begin(), report.positions.end(),
            [](const PositionReport& a, const PositionReport& b) { return a.symbol < b.symbol; });
  if (account.call) {
    report.call = CallReport{std::string(account.call->id.view()), account.call->issuedAt, account.call->deadline,
                             account.call->notifiedAmountToCure};
  }
  for (const auto& [id, order] : state_.orders) {
    if (order.account == *index) ++report.openOrders;
  }
  report.openingCash = account.openingCash;
  report.deposits = narrow(account.deposits);
  report.withdrawals = narrow(account.withdrawals);
  report.realized = narrow(account.realized);
  report.commissions = narrow(account.commissions);
  return report;
}

std::vector<std::string> RiskEngine::accountIds() const {
  std::vector<std::string> ids;
  for (const AccountState& account : state_.accounts) {
    if (account.listed) ids.push_back(account.config.id);
  }
  return ids;
}

std::optional<Price> RiskEngine::mark(std::string_view symbol) const {
  const InstrumentState* instrument = state_.findInstrument(symbol);
  if (!instrument || !instrument->mark) return std::nullopt;
  return instrument->mark->price;
}

}  // namespace risk
