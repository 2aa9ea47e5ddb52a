#pragma once

// Plain value types shared by the venue's matching, price path and FIX layers. C++14, no QuickFIX.
// Every price and quantity is an int64 count of 1e-8 (the same scale as gateway/bridge/fix_decimal.h).

#include <cstdint>
#include <string>

namespace venue_sim {

constexpr std::int64_t kDecimalScale = 100000000;  // 1e8: raw units per whole unit

enum class Side { kBuy, kSell };
enum class OrdType { kMarket, kLimit };
enum class TimeInForce { kDay, kGoodTillCancel, kImmediateOrCancel, kFillOrKill };

// The venue's top of book for one symbol; a side may be absent (not quoted yet).
struct Quote {
  bool hasBid = false;
  bool hasAsk = false;
  bool hasLast = false;
  std::int64_t bid = 0;
  std::int64_t ask = 0;
  std::int64_t last = 0;
};

// One change of market: the fields present replace the symbol's current ones.
struct MarketUpdate {
  std::string symbol;
  Quote changes;
};

}  // namespace venue_sim
