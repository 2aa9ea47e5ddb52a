#pragma once

// Fixed-point decimal numbers for prices, quantities, money and ratios.
//
// Every value is a signed 64-bit count of 1e-8 units. Arithmetic that can overflow goes through
// 128-bit intermediates and reports overflow as an empty optional, never as undefined behaviour.
// The most negative int64 is never a valid value, so negation and abs() are always safe.

#include <compare>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace risk {

using Wide = __int128;

inline constexpr int kDecimalPlaces = 8;
inline constexpr int64_t kScale = 100'000'000;
inline constexpr int64_t kMaxRaw = std::numeric_limits<int64_t>::max();

enum class Rounding {
  kFloor,     // toward minus infinity
  kCeiling,   // toward plus infinity
  kHalfEven,  // to nearest, ties to even
};

// numerator / denominator rounded as asked; denominator must be positive.
constexpr Wide divideRounded(Wide numerator, Wide denominator, Rounding rounding) {
  Wide quotient = numerator / denominator;
  Wide remainder = numerator % denominator;
  if (remainder == 0) return quotient;
  const bool negative = numerator < 0;
  switch (rounding) {
    case Rounding::kFloor:
      return negative ? quotient - 1 : quotient;
    case Rounding::kCeiling:
      return negative ? quotient : quotient + 1;
    case Rounding::kHalfEven: {
      const Wide twice = (remainder < 0 ? -remainder : remainder) * 2;
      const bool roundAway = twice > denominator || (twice == denominator && (quotient % 2 != 0));
      if (!roundAway) return quotient;
      return negative ? quotient - 1 : quotient + 1;
    }
  }
  return quotient;
}

constexpr bool fitsRaw(Wide value) { return value <= kMaxRaw && value >= -kMaxRaw; }

enum class DecimalError {
  kNone,
  kEmpty,            // no digit at all: "", "-", ".", "-."
  kBadCharacter,     // anything but an optional leading '-', digits and one '.'
  kExponent,         // "1e3": FIX decimals have no exponent
  kTooManyDecimals,  // a non-zero digit past the 8th decimal place
  kOutOfRange,       // magnitude above 92,233,720,368.54775807
};

std::string_view describe(DecimalError error);

// Parses a FIX decimal string exactly into a count of 1e-8 units.
struct RawParse {
  int64_t raw = 0;
  DecimalError error = DecimalError::kNone;
};
RawParse parseRawDecimal(std::string_view text);

// Shortest exact text: "101.25", "-0.5", "100".
std::string formatRawDecimal(int64_t raw);
// Rounded to `decimals` places (0..8), optionally with thousands separators: "12,340.00".
std::string formatRawDecimal(int64_t raw, int decimals, Rounding rounding, bool groupThousands);

template <class Tag>
class Fixed {
 public:
  constexpr Fixed() = default;

  // The most negative int64 is outside the valid range: passing it is a broken invariant.
  static constexpr Fixed fromRaw(int64_t raw) {
    if (raw == std::numeric_limits<int64_t>::min()) std::abort();
    return Fixed(raw);
  }
  static constexpr std::optional<Fixed> fromWide(Wide raw) {
    if (!fitsRaw(raw)) return std::nullopt;
    return Fixed(static_cast<int64_t>(raw));
  }
  // Whole units; |units| < 9.2e10 always fits.
  static constexpr Fixed fromUnits(int32_t units) { return Fixed(int64_t{units} * kScale); }
  static constexpr Fixed zero() { return Fixed(0); }
  static constexpr Fixed max() { return Fixed(kMaxRaw); }

  struct Parsed {
    std::optional<Fixed> value;
    DecimalError error = DecimalError::kNone;
  };
  static Parsed parse(std::string_view text) {
    const RawParse parsed = parseRawDecimal(text);
    if (parsed.error != DecimalError::kNone) return {std::nullopt, parsed.error};
    return {Fixed(parsed.raw), DecimalError::kNone};
  }

  constexpr int64_t raw() const { return raw_; }
  constexpr Wide wide() const { return raw_; }
  constexpr bool isZero() const { return raw_ == 0; }
  constexpr bool isNegative() const { return raw_ < 0; }
  constexpr bool isPositive() const { return raw_ > 0; }
  constexpr int sign() const { return (raw_ > 0) - (raw_ < 0); }
  constexpr Fixed abs() const { return Fixed(raw_ < 0 ? -raw_ : raw_); }
  constexpr Fixed operator-() const { return Fixed(-raw_); }

  std::string toString() const { return formatRawDecimal(raw_); }
  std::string toDisplay(int decimals, Rounding rounding = Rounding::kHalfEven,
                        bool groupThousands = true) const {
    return formatRawDecimal(raw_, decimals, rounding, groupThousands);
  }

  friend constexpr auto operator<=>(Fixed, Fixed) = default;

 private:
  constexpr explicit Fixed(int64_t raw) : raw_(raw) {}
  int64_t raw_ = 0;
};

template <class T>
constexpr std::optional<T> checkedAdd(T a, T b) {
  return T::fromWide(a.wide() + b.wide());
}
template <class T>
constexpr std::optional<T> checkedSub(T a, T b) {
  return T::fromWide(a.wide() - b.wide());
}
template <class T>
constexpr T minOf(T a, T b) { return b < a ? b : a; }
template <class T>
constexpr T maxOf(T a, T b) { return a < b ? b : a; }

struct PriceTag {};
struct QuantityTag {};
struct MoneyTag {};
struct RatioTag {};

using Price = Fixed<PriceTag>;        // per unit of the instrument, in its currency
using Quantity = Fixed<QuantityTag>;  // contracts or units; positions are signed
using Money = Fixed<MoneyTag>;        // cash, equity, margin, PnL
using Ratio = Fixed<RatioTag>;        // rates, multipliers, health (1.0 == 100 %)

// a * b * c / 1e16 with 0 <= a, b, c < 2^63 (each a raw 1e-8 count), rounded; empty on overflow.
// This is the notional of |quantity| x multiplier x price without an intermediate overflow.
std::optional<Wide> multiplyThree(Wide a, Wide b, Wide c, Rounding rounding);

// |quantity| * multiplier * price as money, rounded half-even; empty on overflow.
std::optional<Money> notionalOf(Quantity quantity, Ratio multiplier, Price price);

// quantity * multiplier * price with its sign (the product of the three signs); the magnitude is
// rounded half-even, so rounding is symmetric around zero.
std::optional<Money> signedValueOf(Quantity quantity, Ratio multiplier, Price price);

// value * ratio, rounded; empty on overflow.
std::optional<Money> scaleMoney(Money value, Ratio ratio, Rounding rounding);

// a / b as a ratio rounded down (toward minus infinity), saturating at the range. b must be
// positive (health is only computed with maintenance above zero); b <= 0 stops the process.
Ratio ratioOf(Money a, Money b);

// Exact comparison of a against ratio * b (no division, no rounding): returns a <=> ratio * b.
constexpr std::strong_ordering compareToMultiple(Money a, Ratio ratio, Money b) {
  const Wide left = a.wide() * kScale;
  const Wide right = ratio.wide() * b.wide();
  return left <=> right;
}

}  // namespace risk
