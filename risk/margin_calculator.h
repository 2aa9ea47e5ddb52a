#pragma once

// The margin model: per-position contributions at the mark, account snapshots, and how a fill
// changes a position. Formulas (see risk/README.md):
//   unrealized U = qty * multiplier * mark - costBasis
//   notional   N = |qty| * multiplier * mark
//   MM = house * MMR(N), IM = house * IMR(N), each rounded up to 1e-8
//   open-order IM = max(IMR(|qty + openBuy|), IMR(|qty - openSell|)) - IMR(|qty|), at the mark

#include <optional>

#include "risk/fixed_point.h"
#include "risk/margin_snapshot.h"
#include "risk/risk_state.h"

namespace risk {

// The price positions and orders are valued at: the mark, or the position's average entry price
// while the instrument has no mark yet (zero when there is no position either).
Price valuationPrice(const InstrumentState& instrument, const PositionState& position);

// Average entry price, rounded half-even to 1e-8; zero when flat.
Price averageEntryPrice(const PositionState& position, Ratio multiplier);

// house * IMR(|quantity| * multiplier * price), rounded up; empty on overflow.
std::optional<Money> initialRequirement(const Instrument& instrument, Ratio house, Quantity quantity, Price price);
std::optional<Money> maintenanceRequirement(const Instrument& instrument, Ratio house, Quantity quantity,
                                            Price price);

// Open-order initial margin for a position with the given open buy and sell quantities.
std::optional<Money> openOrderInitial(const Instrument& instrument, Ratio house, Quantity position,
                                      Quantity openBuy, Quantity openSell, Price price, Money positionInitial);

// Recomputes one position's cached contributions and the account's totals. False on overflow
// (the cached values are then left as they were).
bool refreshPosition(AccountState& account, PositionState& position, const InstrumentState& instrument);

MarginSnapshot snapshotOf(const AccountState& account);

// The result of applying a fill to a position (before it is stored).
struct FillResult {
  Quantity quantity;  // position after
  Money costBasis;    // cost basis after
  Money realized;     // realized PnL of the closing part
};
// Average-cost accounting: an increasing fill adds qty * multiplier * price to the cost basis; a
// reducing fill removes the closed share of the basis and realizes the difference; a fill through
// zero closes the whole position and opens the remainder at the fill price. Empty on overflow.
std::optional<FillResult> applyFill(Quantity position, Money costBasis, Side side, Quantity fillQuantity,
                                    Price price, Ratio multiplier);

}  // namespace risk
