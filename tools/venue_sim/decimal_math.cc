#include "tools/venue_sim/decimal_math.h"

namespace venue_sim {

std::int64_t divideHalfEven(__int128 numerator, __int128 denominator) {
  __int128 quotient = numerator / denominator;
  __int128 remainder = numerator % denominator;
  if (remainder < 0) remainder = -remainder;
  const __int128 twice = remainder * 2;
  const bool negative = numerator < 0;
  if (twice > denominator || (twice == denominator && (quotient % 2) != 0)) {
    quotient += negative ? -1 : 1;
  }
  return static_cast<std::int64_t>(quotient);
}

__int128 notional(std::int64_t priceRaw, std::int64_t quantityRaw) {
  return static_cast<__int128>(priceRaw) * static_cast<__int128>(quantityRaw);
}

std::int64_t averagePrice(__int128 totalNotional, std::int64_t cumQtyRaw) {
  if (cumQtyRaw == 0) return 0;
  return divideHalfEven(totalNotional, cumQtyRaw);
}

}  // namespace venue_sim
