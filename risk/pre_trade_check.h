#pragma once

// Pre-trade checks for new orders and replaces. Read-only over the state and free of heap
// allocation: the decision is a value, and a denial carries its code and numbers.

#include <optional>

#include "risk/denial.h"
#include "risk/inputs.h"
#include "risk/risk_state.h"

namespace risk {

struct OrderDecision {
  std::optional<Denial> denial;  // empty when the order passes
  AccountIndex account = 0;      // valid once the account is known
  bool accountKnown = false;
  InstrumentIndex instrument = 0;
  bool riskIncreasing = false;
  Quantity charge;        // open quantity the order is charged at while it is open
  Money orderMargin;      // initial margin the order adds at worst case
  Money availableAfter;   // available funds once the order is counted
};

// An order is risk-reducing when it is on the other side of the position and, together with the
// account's other open orders on its side, cannot take the position through zero; otherwise it is
// risk-increasing.
bool isRiskIncreasing(Quantity position, Side side, Quantity otherOpenSameSide, Quantity orderQuantity);

OrderDecision checkNewOrder(const RiskState& state, const NewOrder& order);
OrderDecision checkReplace(const RiskState& state, const ReplaceRequest& request);

// True when the mark is missing or older than the instrument's staleness window at `now`.
bool markIsStale(const InstrumentState& instrument, Timestamp now);

}  // namespace risk
