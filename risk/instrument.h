#pragma once

#include <string>

#include "risk/fixed_point.h"
#include "risk/margin_tiers.h"
#include "risk/time.h"

namespace risk {

struct Instrument {
  std::string symbol;
  std::string currency;
  Ratio multiplier = Ratio::fromUnits(1);  // contract size: notional = |qty| * multiplier * price
  Price tickSize;                          // limit prices must be whole multiples
  Quantity lotSize;                        // order quantities must be whole multiples
  Quantity maxOrderQuantity;
  Money maxOrderNotional;
  Ratio priceCollarPercent;     // limit prices further than this from the mark are refused (5 == 5 %)
  Duration markStaleAfter;      // a mark older than this is stale
  Quantity liquidationPiece;    // liquidation orders are at most this large
  TierSchedule tiers;
};

}  // namespace risk
