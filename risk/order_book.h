#pragma once

// Bookkeeping shared by the engine, the state machine and the liquidation planner: open orders,
// what they are charged at, positions and the per-instrument list of accounts holding them.

#include <string>

#include "risk/risk_state.h"

namespace risk {

// The account's position in the instrument, created (flat) and listed as a holder if absent.
PositionState& positionFor(RiskState& state, AccountIndex account, InstrumentIndex instrument);

// Removes a flat position with no open orders and delists the account as a holder.
void dropIfIdle(RiskState& state, AccountIndex account, InstrumentIndex instrument);

// Records an open order and charges its open quantity. The id must be new.
OrderState& addOrder(RiskState& state, OrderState order);

// Changes what an order is charged at and refreshes the position's contributions.
void setCharge(RiskState& state, OrderState& order, Quantity charge);

// Releases an order's charge and forgets it (it stays in usedClOrdIds).
void removeOrder(RiskState& state, const std::string& clOrdId);

// What an order should be charged at now: its open quantity, or the larger of old and new while a
// replace is pending.
Quantity chargeFor(const OrderState& order);

// Re-prices every position of the account and its totals at the current marks.
void refreshAccount(RiskState& state, AccountIndex account);

// Aborts with a message: a broken invariant stops the process loudly.
[[noreturn]] void invariantBroken(const char* what);

}  // namespace risk
