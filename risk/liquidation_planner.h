#pragma once

// Plans the next liquidation step of an account in LIQUIDATION:
//  1. cancel its risk-increasing open orders, and its reducing limit orders priced outside the
//     collar (they would block step 2 without filling), and wait for the venue to confirm;
//  2. then immediate-or-cancel orders that close positions, the one whose maintenance margin is
//     largest first, each sized (in lots) to the least that brings initial margin down to equity,
//     never more than the position less the client's own working reducing orders (no flip), in
//     pieces of at most the instrument's liquidation piece, limit price at the mark through the
//     collar on the tick grid. Positions whose mark is stale are skipped and named.
// The orders are registered as open orders so that their fills update the account.

#include "risk/events.h"
#include "risk/risk_state.h"

namespace risk {

inline constexpr int kMaxPlansWithoutFill = 3;

void planLiquidation(RiskState& state, AccountIndex account, Events& out);

// The limit price of a liquidation order: the mark moved by the collar against the account,
// rounded to the tick so that it stays inside the collar.
Price liquidationPrice(const Instrument& instrument, Price mark, Side side);

}  // namespace risk
