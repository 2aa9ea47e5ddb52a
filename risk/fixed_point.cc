#include "risk/fixed_point.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace risk {
namespace {

constexpr Wide kScaleSquared = Wide{kScale} * kScale;

constexpr Wide pow10(int exponent) {
  Wide value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

}  // namespace

std::string_view describe(DecimalError error) {
  switch (error) {
    case DecimalError::kNone:
      return "ok";
    case DecimalError::kEmpty:
      return "empty decimal";
    case DecimalError::kBadCharacter:
      return "not a decimal (digits, one optional '.', optional leading '-')";
    case DecimalError::kExponent:
      return "exponent notation is not a FIX decimal";
    case DecimalError::kTooManyDecimals:
      return "more than 8 decimal places";
    case DecimalError::kOutOfRange:
      return "magnitude above 92233720368.54775807";
  }
  return "unknown decimal error";
}

RawParse parseRawDecimal(std::string_view text) {
  if (text.empty()) return {0, DecimalError::kEmpty};
  bool negative = false;
  std::size_t position = 0;
  if (text[0] == '-') {
    negative = true;
    position = 1;
  }
  if (position == text.size()) return {0, DecimalError::kEmpty};

  Wide magnitude = 0;  // in 1e-8 units
  bool seenPoint = false;
  bool seenDigit = false;
  int decimals = 0;
  for (; position < text.size(); ++position) {
    const char c = text[position];
    if (c == '.') {
      if (seenPoint) return {0, DecimalError::kBadCharacter};
      seenPoint = true;
      continue;
    }
    if (c == 'e' || c == 'E') return {0, DecimalError::kExponent};
    if (c < '0' || c > '9') return {0, DecimalError::kBadCharacter};
    seenDigit = true;
    const int digit = c - '0';
    if (seenPoint) {
      if (decimals == kDecimalPlaces) {
        if (digit != 0) return {0, DecimalError::kTooManyDecimals};
        continue;  // trailing zeros past the 8th place change nothing
      }
      ++decimals;
      magnitude = magnitude * 10 + digit;
    } else {
      magnitude = magnitude * 10 + digit;
      // Stop early so that a very long digit string cannot overflow the 128-bit accumulator.
      if (magnitude > kMaxRaw) return {0, DecimalError::kOutOfRange};
    }
  }
  if (!seenDigit) return {0, DecimalError::kEmpty};
  magnitude *= pow10(kDecimalPlaces - decimals);
  if (magnitude > kMaxRaw) return {0, DecimalError::kOutOfRange};
  const auto raw = static_cast<int64_t>(magnitude);
  return {negative ? -raw : raw, DecimalError::kNone};
}

std::string formatRawDecimal(int64_t raw) {
  const bool negative = raw < 0;
  // kMaxRaw bounds every valid value, so the negation cannot overflow; guard anyway for INT64_MIN.
  const uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(raw) : static_cast<uint64_t>(raw);
  std::string whole = std::to_string(magnitude / kScale);
  uint64_t fraction = magnitude % kScale;
  std::string result = negative && magnitude != 0 ? "-" + whole : whole;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, static_cast<std::size_t>(kDecimalPlaces) - digits.size(), '0');
    digits.erase(digits.find_last_not_of('0') + 1);
    result += '.';
    result += digits;
  }
  return result;
}

std::string formatRawDecimal(int64_t raw, int decimals, Rounding rounding, bool groupThousands) {
  decimals = std::clamp(decimals, 0, kDecimalPlaces);
  const Wide unit = pow10(kDecimalPlaces - decimals);
  const Wide rounded = divideRounded(raw, unit, rounding);  // in 10^-decimals units
  const bool negative = rounded < 0;
  const Wide magnitude = negative ? -rounded : rounded;
  const Wide divisor = pow10(decimals);
  std::string whole = std::to_string(static_cast<uint64_t>(magnitude / divisor));
  if (groupThousands) {
    // Built into a new string: GCC 12 warns (-Wrestrict, a false positive) on in-place insert here.
    std::string grouped;
    grouped.reserve(whole.size() + whole.size() / 3);
    for (std::size_t i = 0; i < whole.size(); ++i) {
      if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
      grouped += whole[i];
    }
    whole = std::move(grouped);
  }
  std::string result = negative ? "-" + whole : whole;
  if (decimals > 0) {
    std::string digits = std::to_string(static_cast<uint64_t>(magnitude % divisor));
    digits.insert(0, static_cast<std::size_t>(decimals) - digits.size(), '0');
    result += '.';
    result += digits;
  }
  return result;
}

std::optional<Wide> multiplyThree(Wide a, Wide b, Wide c, Rounding rounding) {
  // a*b can take 126 bits, so split it at 1e8: a*b = high*1e8 + low, and
  // a*b*c/1e16 = high*c/1e8 + low*c/1e16, with both fractional parts carried exactly.
  const Wide product = a * b;
  const Wide high = product / kScale;
  const Wide low = product % kScale;
  Wide highTimesC = 0;
  if (__builtin_mul_overflow(high, c, &highTimesC)) return std::nullopt;
  const Wide lowTimesC = low * c;  // < 1e8 * 2^63
  const Wide whole = highTimesC / kScale + lowTimesC / kScaleSquared;
  // Fraction in units of 1e-16 of a raw unit: below 2e16.
  const Wide fraction = (highTimesC % kScale) * kScale + lowTimesC % kScaleSquared;
  const Wide result = whole + fraction / kScaleSquared;
  const Wide remainder = fraction % kScaleSquared;
  if (remainder == 0) return result;
  switch (rounding) {
    case Rounding::kFloor:
      return result;
    case Rounding::kCeiling:
      return result + 1;
    case Rounding::kHalfEven: {
      const Wide twice = remainder * 2;
      if (twice > kScaleSquared || (twice == kScaleSquared && result % 2 != 0)) return result + 1;
      return result;
    }
  }
  return result;
}

std::optional<Money> notionalOf(Quantity quantity, Ratio multiplier, Price price) {
  const auto value =
      multiplyThree(quantity.abs().wide(), multiplier.abs().wide(), price.abs().wide(), Rounding::kHalfEven);
  if (!value) return std::nullopt;
  return Money::fromWide(*value);
}

std::optional<Money> signedValueOf(Quantity quantity, Ratio multiplier, Price price) {
  const auto magnitude = notionalOf(quantity, multiplier, price);
  if (!magnitude) return std::nullopt;
  const int sign = quantity.sign() * multiplier.sign() * price.sign();
  return sign < 0 ? -*magnitude : *magnitude;
}

std::optional<Money> scaleMoney(Money value, Ratio ratio, Rounding rounding) {
  return Money::fromWide(divideRounded(value.wide() * ratio.wide(), kScale, rounding));
}

Ratio ratioOf(Money a, Money b) {
  if (!b.isPositive()) std::abort();
  const Wide quotient = divideRounded(a.wide() * kScale, b.wide(), Rounding::kFloor);
  if (quotient > kMaxRaw) return Ratio::max();
  if (quotient < -kMaxRaw) return -Ratio::max();
  return Ratio::fromRaw(static_cast<int64_t>(quotient));
}

}  // namespace risk
