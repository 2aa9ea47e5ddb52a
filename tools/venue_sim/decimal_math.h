#pragma once

// Exact arithmetic on raw 1e-8 decimals through 128-bit intermediates.

#include <cstdint>

namespace venue_sim {

// Round-half-even of numerator / denominator (denominator > 0).
std::int64_t divideHalfEven(__int128 numerator, __int128 denominator);

// price x quantity in units of 1e-16 (both raw 1e-8), exact.
__int128 notional(std::int64_t priceRaw, std::int64_t quantityRaw);

// Average price in raw 1e-8: totalNotional (1e-16 units) / cumQtyRaw, half-even at 8 places; 0 if cumQty is 0.
std::int64_t averagePrice(__int128 totalNotional, std::int64_t cumQtyRaw);

}  // namespace venue_sim
