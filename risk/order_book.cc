#include "risk/order_book.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "risk/margin_calculator.h"

namespace risk {

void invariantBroken(const char* what) {
  std::fprintf(stderr, "risk core invariant broken: %s\n", what);
  std::abort();
}

PositionState& positionFor(RiskState& state, AccountIndex account, InstrumentIndex instrument) {
  AccountState& holder = state.accounts[account];
  if (PositionState* existing = holder.findPosition(instrument)) return *existing;
  PositionState& created = holder.positions.emplace_back();
  created.instrument = instrument;
  state.instruments[instrument].holders.push_back(account);
  return created;
}

void dropIfIdle(RiskState& state, AccountIndex account, InstrumentIndex instrument) {
  AccountState& holder = state.accounts[account];
  auto position = std::find_if(holder.positions.begin(), holder.positions.end(),
                               [instrument](const PositionState& p) { return p.instrument == instrument; });
  if (position == holder.positions.end()) return;
  if (!position->quantity.isZero() || !position->openBuy.isZero() || !position->openSell.isZero()) return;
  if (!position->costBasis.isZero()) invariantBroken("flat position with a cost basis");
  // Its contributions are zero once flat with no orders; subtract whatever is cached to be exact.
  holder.unrealizedTotal -= position->unrealized.wide();
  holder.maintenanceTotal -= position->maintenance.wide();
  holder.initialTotal -= position->initial.wide();
  holder.openOrderInitialTotal -= position->openOrderInitial.wide();
  *position = holder.positions.back();
  holder.positions.pop_back();
  std::vector<AccountIndex>& holders = state.instruments[instrument].holders;
  auto listed = std::find(holders.begin(), holders.end(), account);
  if (listed == holders.end()) invariantBroken("position without a holder entry");
  *listed = holders.back();
  holders.pop_back();
}

Quantity chargeFor(const OrderState& order) {
  Quantity charge = order.leaves();
  if (order.replace) {
    const Wide newLeaves = order.replace->quantity.wide() - order.filled.wide();
    if (newLeaves > charge.wide()) charge = Quantity::fromRaw(static_cast<int64_t>(newLeaves));
  }
  return charge;
}

void setCharge(RiskState& state, OrderState& order, Quantity charge) {
  PositionState& position = positionFor(state, order.account, order.instrument);
  Quantity& side = order.side == Side::kBuy ? position.openBuy : position.openSell;
  const Wide updated = side.wide() - order.charged.wide() + charge.wide();
  if (updated < 0 || updated > kMaxRaw) invariantBroken("open quantity out of range");
  side = Quantity::fromRaw(static_cast<int64_t>(updated));
  order.charged = charge;
  if (!refreshPosition(state.accounts[order.account], position, state.instruments[order.instrument])) {
    // Checked orders cannot get here: the pre-trade check priced this exposure already.
    invariantBroken("open-order margin overflow");
  }
}

OrderState& addOrder(RiskState& state, OrderState order) {
  const std::string id = order.clOrdId;
  state.usedClOrdIds.insert(id);
  auto [it, inserted] = state.orders.emplace(id, std::move(order));
  if (!inserted) invariantBroken("order id reused");
  setCharge(state, it->second, chargeFor(it->second));
  return it->second;
}

void removeOrder(RiskState& state, const std::string& clOrdId) {
  auto it = state.orders.find(clOrdId);
  if (it == state.orders.end()) return;
  OrderState& order = it->second;
  const AccountIndex account = order.account;
  const InstrumentIndex instrument = order.instrument;
  if (order.replace) state.replacing.erase(order.replace->clOrdId);
  setCharge(state, order, Quantity::zero());
  state.orders.erase(it);
  dropIfIdle(state, account, instrument);
}

void refreshAccount(RiskState& state, AccountIndex account) {
  AccountState& holder = state.accounts[account];
  for (PositionState& position : holder.positions) {
    if (!refreshPosition(holder, position, state.instruments[position.instrument])) {
      invariantBroken("position value out of range");
    }
  }
}

}  // namespace risk
