#pragma once

#include "risk/fixed_point.h"

namespace risk {

// Where an account stands at one moment. All amounts in the account's currency.
struct MarginSnapshot {
  Money cash;                  // collateral: deposits - withdrawals + realized PnL - commissions
  Money unrealized;            // sum over positions of qty * multiplier * (mark - average entry)
  Money equity;                // cash + unrealized
  Money maintenance;           // MM: tiered maintenance requirement of the positions
  Money initial;               // IM: tiered initial requirement of the positions
  Money openOrderInitial;      // initial margin of open orders at worst case
  Money availableFunds;        // equity - initial - openOrderInitial
  Money deficitToMaintenance;  // max(0, maintenance - equity): needed now to stop liquidation
  Money amountToCure;          // max(0, initial - equity): needed to end a call
  Ratio health;                // equity / maintenance, rounded down; meaningless when unbounded
  bool healthUnbounded = true; // maintenance is zero: health is infinite
};

}  // namespace risk
