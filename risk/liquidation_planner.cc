#include "risk/liquidation_planner.h"

#include <algorithm>
#include <string>

#include "risk/margin_calculator.h"
#include "risk/order_book.h"
#include "risk/pre_trade_check.h"

namespace risk {
namespace {

// A limit price further from the mark than the collar allows: such an order will not fill soon.
bool outsideCollar(const InstrumentState& instrument, const OrderState& order) {
  if (order.type != OrderType::kLimit || !instrument.mark) return false;
  const Wide mark = instrument.mark->price.wide();
  const Wide distance = order.limitPrice.wide() - mark;
  const Wide absoluteDistance = distance < 0 ? -distance : distance;
  return absoluteDistance * 100 * kScale > mark * instrument.config.priceCollarPercent.wide();
}

// The account's orders that step 1 cancels:
//  - those that add to its exposure: on the position's side, any while flat, and on the other side
//    when, with the other open orders on that side, they could take the position through zero (the
//    pre-trade check's definition; such an order would also leave the liquidation nothing to close);
//  - reducing limit orders priced outside the collar: they will not fill soon, and while they work
//    they cap what the liquidation may close (it never sells what the client is already selling).
std::vector<OrderState*> ordersToCancel(RiskState& state, AccountIndex index) {
  std::vector<OrderState*> found;
  const AccountState& account = state.accounts[index];
  for (auto& [id, order] : state.orders) {
    if (order.account != index || order.liquidation || order.cancelPending) continue;
    const PositionState* position = account.findPosition(order.instrument);
    const Quantity quantity = position ? position->quantity : Quantity::zero();
    const Quantity sideOpen = !position                   ? Quantity::zero()
                              : order.side == Side::kBuy ? position->openBuy
                                                          : position->openSell;
    const Quantity others = Quantity::fromRaw(sideOpen.raw() - order.charged.raw());
    if (isRiskIncreasing(quantity, order.side, others, order.charged) ||
        outsideCollar(state.instruments[order.instrument], order)) {
      found.push_back(&order);
    }
  }
  std::sort(found.begin(), found.end(),
            [](const OrderState* a, const OrderState* b) { return a->clOrdId < b->clOrdId; });
  return found;
}

// The least number of lots to close so that the position's initial margin falls to `allowed`.
int64_t lotsToClose(const Instrument& instrument, Ratio house, Quantity open, Price mark, Wide allowed,
                    int64_t maxLots) {
  const int sign = open.sign();
  auto initialAfter = [&](int64_t lots) {
    const Quantity remaining = Quantity::fromRaw(open.raw() - sign * lots * instrument.lotSize.raw());
    const auto initial = initialRequirement(instrument, house, remaining, mark);
    return initial ? initial->wide() : Wide{kMaxRaw};
  };
  if (initialAfter(maxLots) > allowed) return maxLots;  // even closing all of it is not enough
  int64_t low = 0;  // initialAfter(low) > allowed, unless low == 0 and nothing is needed
  int64_t high = maxLots;
  if (initialAfter(0) <= allowed) return 0;
  while (high - low > 1) {  // requirements fall as the position shrinks: binary search in lots
    const int64_t middle = low + (high - low) / 2;
    if (initialAfter(middle) <= allowed) {
      high = middle;
    } else {
      low = middle;
    }
  }
  return high;
}

}  // namespace

Price liquidationPrice(const Instrument& instrument, Price mark, Side side) {
  const Wide band = divideRounded(mark.wide() * instrument.priceCollarPercent.wide(), Wide{100} * kScale,
                                  Rounding::kFloor);
  const Wide tick = instrument.tickSize.wide();
  if (side == Side::kSell) {
    // Lowest price inside the collar, rounded up to the tick.
    const Wide price = divideRounded(mark.wide() - band, tick, Rounding::kCeiling) * tick;
    return Price::fromRaw(static_cast<int64_t>(std::max(price, tick)));
  }
  const Wide price = divideRounded(mark.wide() + band, tick, Rounding::kFloor) * tick;
  return Price::fromRaw(static_cast<int64_t>(std::min(price, Wide{kMaxRaw} / tick * tick)));
}

void planLiquidation(RiskState& state, AccountIndex index, Events& out) {
  AccountState& account = state.accounts[index];
  if (!account.call || account.halted) return;
  CallState& call = *account.call;
  if (call.cancelsOpen > 0 || call.liquidationOrdersOpen > 0) return;  // the last step is still working

  LiquidationPlan plan;
  plan.time = state.now;
  plan.callId = call.id;
  plan.account = Name(account.config.id);

  // No progress over the last steps (orders refused with no fill, or cancels refused): a person must
  // look. Checked before step 1 too, else refused cancels would be asked for again forever.
  if (call.plansWithoutFill >= kMaxPlansWithoutFill) {
    account.halted = true;
    out.push_back(LiquidationStalled{state.now, call.id, Name(account.config.id), call.plansWithoutFill});
    out.push_back(AccountHalted{state.now, Name(account.config.id), true});
    return;
  }

  // Step 1: stop new exposure.
  for (OrderState* order : ordersToCancel(state, index)) {
    order->cancelPending = true;
    order->cancelByLiquidation = true;
    plan.cancels.push_back(OrderId(order->clOrdId));
  }
  if (!plan.cancels.empty()) {
    call.cancelsOpen = static_cast<int>(plan.cancels.size());
    plan.snapshot = snapshotOf(account);
    out.push_back(std::move(plan));
    return;
  }

  // Step 2: close positions, largest maintenance first (ties by symbol, for a stable order).
  std::vector<const PositionState*> positions;
  for (const PositionState& position : account.positions) {
    if (!position.quantity.isZero()) positions.push_back(&position);
  }
  std::sort(positions.begin(), positions.end(), [&](const PositionState* a, const PositionState* b) {
    if (a->maintenance != b->maintenance) return a->maintenance > b->maintenance;
    return state.instruments[a->instrument].config.symbol < state.instruments[b->instrument].config.symbol;
  });

  const Wide equity = account.cash.wide() + account.unrealizedTotal;
  Wide initialRemaining = account.initialTotal;
  struct Close {
    InstrumentIndex instrument;
    Side side;
    Quantity quantity;
    Price price;
  };
  std::vector<Close> closes;
  for (const PositionState* position : positions) {
    if (equity >= initialRemaining) break;
    const InstrumentState& instrument = state.instruments[position->instrument];
    if (markIsStale(instrument, state.now)) {
      plan.skippedStaleMarks.push_back(Name(instrument.config.symbol));
      continue;
    }
    const Side side = position->quantity.isPositive() ? Side::kSell : Side::kBuy;
    const Quantity working = side == Side::kSell ? position->openSell : position->openBuy;
    const Wide closable = position->quantity.abs().wide() - working.wide();  // never flip
    const int64_t lot = instrument.config.lotSize.raw();
    const int64_t maxLots = static_cast<int64_t>(closable > 0 ? closable / lot : 0);
    if (maxLots == 0) continue;
    const Price mark = instrument.mark->price;
    const Wide othersInitial = initialRemaining - position->initial.wide();
    const int64_t lots = lotsToClose(instrument.config, account.config.houseMultiplier, position->quantity, mark,
                                     equity - othersInitial, maxLots);
    if (lots == 0) continue;
    const Quantity quantity = Quantity::fromRaw(lots * lot);
    const Quantity remaining = Quantity::fromRaw(position->quantity.raw() - position->quantity.sign() * quantity.raw());
    const auto initialAfter = initialRequirement(instrument.config, account.config.houseMultiplier, remaining, mark);
    initialRemaining = othersInitial + (initialAfter ? initialAfter->wide() : 0);
    closes.push_back({position->instrument, side, quantity, liquidationPrice(instrument.config, mark, side)});
  }

  for (const Close& close : closes) {
    const Instrument& config = state.instruments[close.instrument].config;
    int64_t left = close.quantity.raw();
    while (left > 0) {
      const int64_t piece = std::min(left, config.liquidationPiece.raw());
      left -= piece;
      OrderState order;
      order.clOrdId = "LIQ-" + std::string(call.id.view()) + "-" + std::to_string(++call.liquidationSequence);
      order.account = index;
      order.instrument = close.instrument;
      order.side = close.side;
      order.type = OrderType::kLimit;
      order.quantity = Quantity::fromRaw(piece);
      order.limitPrice = close.price;
      order.liquidation = true;
      plan.orders.push_back(LiquidationOrder{OrderId(order.clOrdId), Name(config.symbol), order.side, order.quantity,
                                             order.limitPrice});
      addOrder(state, std::move(order));
      ++call.liquidationOrdersOpen;
    }
  }

  if (plan.orders.empty()) {
    if (call.waitingForMarks) return;  // said once already
    call.waitingForMarks = true;
  } else {
    call.waitingForMarks = false;
    ++call.plansWithoutFill;
  }
  plan.snapshot = snapshotOf(account);
  out.push_back(std::move(plan));
}

}  // namespace risk
