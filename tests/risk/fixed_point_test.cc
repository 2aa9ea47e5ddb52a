#include "risk/fixed_point.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace risk {
namespace {

using UWide = unsigned __int128;

constexpr int64_t kMinValidRaw = -kMaxRaw;
constexpr Wide kScaleSquared = Wide{kScale} * kScale;

Price price(std::string_view text) { return *Price::parse(text).value; }
Quantity quantity(std::string_view text) { return *Quantity::parse(text).value; }
Money money(std::string_view text) { return *Money::parse(text).value; }
Ratio ratio(std::string_view text) { return *Ratio::parse(text).value; }

DecimalError parseError(std::string_view text) { return parseRawDecimal(text).error; }

// ---------------------------------------------------------------------------------------------
// Parsing

TEST(FixedPointTest, ParsesPlainDecimalsExactly) {
  const auto parsed = Price::parse("101.25");
  ASSERT_TRUE(parsed.value);
  EXPECT_EQ(parsed.error, DecimalError::kNone);
  EXPECT_EQ(parsed.value->raw(), 10'125'000'000);  // 101.25 * 1e8
  EXPECT_EQ(parsed.value->toString(), "101.25");

  EXPECT_EQ(parseRawDecimal("-0.5").raw, -50'000'000);  // -0.5 * 1e8
  EXPECT_EQ(parseRawDecimal("0").raw, 0);
  EXPECT_EQ(parseRawDecimal("1").raw, kScale);
  EXPECT_EQ(parseRawDecimal("0.00000001").raw, 1);  // the smallest unit
  EXPECT_EQ(parseRawDecimal("-0.00000001").raw, -1);
}

TEST(FixedPointTest, NegativeZeroIsZero) {
  const RawParse parsed = parseRawDecimal("-0");
  EXPECT_EQ(parsed.error, DecimalError::kNone);
  EXPECT_EQ(parsed.raw, 0);
  EXPECT_EQ(parseRawDecimal("-0.000").raw, 0);
  EXPECT_EQ(Money::parse("-0").value, Money::zero());
  EXPECT_EQ(Money::parse("-0").value->toString(), "0");
}

TEST(FixedPointTest, AcceptsLeadingZerosAndBarePoints) {
  EXPECT_EQ(parseRawDecimal("007.50").raw, 750'000'000);  // 7.5 * 1e8
  const RawParse trailingPoint = parseRawDecimal("1.");
  EXPECT_EQ(trailingPoint.error, DecimalError::kNone);
  EXPECT_EQ(trailingPoint.raw, kScale);
  const RawParse leadingPoint = parseRawDecimal(".5");
  EXPECT_EQ(leadingPoint.error, DecimalError::kNone);
  EXPECT_EQ(leadingPoint.raw, 50'000'000);
  EXPECT_EQ(parseRawDecimal("-.5").raw, -50'000'000);
}

TEST(FixedPointTest, AcceptsTrailingZerosPastTheEighthPlace) {
  const RawParse parsed = parseRawDecimal("1.000000000000");
  EXPECT_EQ(parsed.error, DecimalError::kNone);
  EXPECT_EQ(parsed.raw, kScale);
  // "0.000000010" is 1e-8 written with nine places: the ninth digit is a zero.
  const RawParse oneUnit = parseRawDecimal("0.000000010");
  EXPECT_EQ(oneUnit.error, DecimalError::kNone);
  EXPECT_EQ(oneUnit.raw, 1);
  // 40 zeros after the point are still only zeros.
  EXPECT_EQ(parseRawDecimal("2." + std::string(40, '0')).raw, 2 * kScale);
}

TEST(FixedPointTest, RejectsANonZeroDigitPastTheEighthPlace) {
  EXPECT_EQ(parseError("0.000000001"), DecimalError::kTooManyDecimals);
  EXPECT_EQ(parseError("-0.000000001"), DecimalError::kTooManyDecimals);
  EXPECT_EQ(parseError("1.000000000000001"), DecimalError::kTooManyDecimals);
}

TEST(FixedPointTest, ParsesTheRangeLimitsExactly) {
  const RawParse maximum = parseRawDecimal("92233720368.54775807");
  EXPECT_EQ(maximum.error, DecimalError::kNone);
  EXPECT_EQ(maximum.raw, kMaxRaw);  // 9223372036854775807 == INT64_MAX
  const RawParse minimum = parseRawDecimal("-92233720368.54775807");
  EXPECT_EQ(minimum.error, DecimalError::kNone);
  EXPECT_EQ(minimum.raw, kMinValidRaw);

  EXPECT_EQ(parseError("92233720368.54775808"), DecimalError::kOutOfRange);   // INT64_MAX + 1
  EXPECT_EQ(parseError("-92233720368.54775808"), DecimalError::kOutOfRange);  // INT64_MIN is never valid
  EXPECT_EQ(parseError("92233720369"), DecimalError::kOutOfRange);
  EXPECT_EQ(parseError("100000000000"), DecimalError::kOutOfRange);  // 1e11 > 9.2e10
}

TEST(FixedPointTest, RejectsHugeNumbersWithoutOverflow) {
  const std::string fortyDigits = "1234567890123456789012345678901234567890";
  EXPECT_EQ(parseError(fortyDigits), DecimalError::kOutOfRange);
  EXPECT_EQ(parseError("-" + fortyDigits), DecimalError::kOutOfRange);
  EXPECT_EQ(parseError(fortyDigits + ".5"), DecimalError::kOutOfRange);
  EXPECT_EQ(parseError(std::string(200, '9')), DecimalError::kOutOfRange);
  // Leading zeros are not magnitude: 60 zeros then 1 is just 1.
  EXPECT_EQ(parseRawDecimal(std::string(60, '0') + "1").raw, kScale);
}

TEST(FixedPointTest, RejectsExponents) {
  EXPECT_EQ(parseError("1e3"), DecimalError::kExponent);
  EXPECT_EQ(parseError("1E3"), DecimalError::kExponent);
  EXPECT_EQ(parseError("-1.5e-3"), DecimalError::kExponent);
}

TEST(FixedPointTest, ReportsEmptyInput) {
  EXPECT_EQ(parseError(""), DecimalError::kEmpty);
  EXPECT_EQ(parseError("-"), DecimalError::kEmpty);
  // Only a point: no digit at all, which is the "empty" case rather than a foreign character.
  EXPECT_EQ(parseError("."), DecimalError::kEmpty);
  EXPECT_EQ(parseError("-."), DecimalError::kEmpty);
  const auto parsed = Price::parse("");
  EXPECT_FALSE(parsed.value);
  EXPECT_EQ(parsed.error, DecimalError::kEmpty);
}

TEST(FixedPointTest, RejectsForeignCharacters) {
  for (const std::string_view text : {"+1", " 1", "1 ", "1,000", "1.2.3", "0x10", "NaN", "inf", "--1", "1-",
                                      "1..", "١"}) {
    SCOPED_TRACE(text);
    const RawParse parsed = parseRawDecimal(text);
    EXPECT_EQ(parsed.error, DecimalError::kBadCharacter);
    EXPECT_EQ(parsed.raw, 0);
  }
  EXPECT_EQ(parseRawDecimal(std::string_view("1\0", 2)).error, DecimalError::kBadCharacter);
}

TEST(FixedPointTest, DescribesEveryError) {
  for (const DecimalError error : {DecimalError::kNone, DecimalError::kEmpty, DecimalError::kBadCharacter,
                                   DecimalError::kExponent, DecimalError::kTooManyDecimals,
                                   DecimalError::kOutOfRange}) {
    EXPECT_FALSE(describe(error).empty());
    EXPECT_NE(describe(error), "unknown decimal error");
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

TEST(FixedPointTest, FormatsTheShortestExactForm) {
  EXPECT_EQ(formatRawDecimal(100 * kScale), "100");
  EXPECT_EQ(formatRawDecimal(-50'000'000), "-0.5");
  EXPECT_EQ(formatRawDecimal(1), "0.00000001");
  EXPECT_EQ(formatRawDecimal(-1), "-0.00000001");
  EXPECT_EQ(formatRawDecimal(0), "0");
  EXPECT_EQ(formatRawDecimal(10'125'000'000), "101.25");
  EXPECT_EQ(formatRawDecimal(1'000'000'000'000), "10000");  // no grouping in the exact form
  EXPECT_EQ(formatRawDecimal(kMaxRaw), "92233720368.54775807");
  EXPECT_EQ(formatRawDecimal(kMinValidRaw), "-92233720368.54775807");
  EXPECT_EQ(Quantity::fromUnits(-3).toString(), "-3");
}

TEST(FixedPointTest, DisplayRoundsHalfEvenOnTies) {
  // 0.125 -> 12.5 cents, a tie; 12 is even so it stays.
  EXPECT_EQ(money("0.125").toDisplay(2, Rounding::kHalfEven), "0.12");
  // 0.135 -> 13.5 cents, a tie; 13 is odd so it goes to 14.
  EXPECT_EQ(money("0.135").toDisplay(2, Rounding::kHalfEven), "0.14");
  // -0.125 -> -12.5 cents; ties to even on the magnitude: -12.
  EXPECT_EQ(money("-0.125").toDisplay(2, Rounding::kHalfEven), "-0.12");
  // -0.135 -> -13.5 cents -> -14.
  EXPECT_EQ(money("-0.135").toDisplay(2, Rounding::kHalfEven), "-0.14");
  // 0.12500001 is above the tie: 12.500001 cents -> 13.
  EXPECT_EQ(money("0.12500001").toDisplay(2, Rounding::kHalfEven), "0.13");
  // 0.12499999 is below the tie -> 12.
  EXPECT_EQ(money("0.12499999").toDisplay(2, Rounding::kHalfEven), "0.12");
}

TEST(FixedPointTest, DisplayRoundsTowardTheAskedInfinity) {
  // 12340.001 = 1234000.1 cents; ceiling -> 1234001 cents.
  EXPECT_EQ(money("12340.001").toDisplay(2, Rounding::kCeiling), "12,340.01");
  EXPECT_EQ(money("12340.001").toDisplay(2, Rounding::kFloor), "12,340.00");
  EXPECT_EQ(money("12340.009").toDisplay(2, Rounding::kFloor), "12,340.00");
  // -0.001 = -0.1 cents; floor -> -1 cent.
  EXPECT_EQ(money("-0.001").toDisplay(2, Rounding::kFloor), "-0.01");
  // -12340.001 = -1234000.1 cents; ceiling -> -1234000 cents, floor -> -1234001.
  EXPECT_EQ(money("-12340.001").toDisplay(2, Rounding::kCeiling), "-12,340.00");
  EXPECT_EQ(money("-12340.001").toDisplay(2, Rounding::kFloor), "-12,340.01");
  // Exact values do not move in any mode.
  for (const Rounding rounding : {Rounding::kFloor, Rounding::kCeiling, Rounding::kHalfEven}) {
    EXPECT_EQ(money("-7.25").toDisplay(2, rounding), "-7.25");
  }
}

TEST(FixedPointTest, DisplayNeverPrintsNegativeZero) {
  for (const Rounding rounding : {Rounding::kCeiling, Rounding::kHalfEven}) {
    // -0.001 = -0.1 cents: ceiling and half-even both give 0 cents.
    EXPECT_EQ(money("-0.001").toDisplay(2, rounding), "0.00");
    EXPECT_EQ(money("-0.00000001").toDisplay(2, rounding), "0.00");
    // -0.4 -> 0 in whole units.
    EXPECT_EQ(money("-0.4").toDisplay(0, rounding), "0");
  }
  // -0.005 = -0.5 cents, a tie: 0 is even.
  EXPECT_EQ(money("-0.005").toDisplay(2, Rounding::kHalfEven), "0.00");
  // -0.015 = -1.5 cents, a tie: -2 is even.
  EXPECT_EQ(money("-0.015").toDisplay(2, Rounding::kHalfEven), "-0.02");
}

TEST(FixedPointTest, DisplaysWithZeroDecimals) {
  // 2.5 is a tie: 2 is even; 3.5 -> 4.
  EXPECT_EQ(money("2.5").toDisplay(0, Rounding::kHalfEven), "2");
  EXPECT_EQ(money("3.5").toDisplay(0, Rounding::kHalfEven), "4");
  EXPECT_EQ(money("-2.5").toDisplay(0, Rounding::kHalfEven), "-2");
  EXPECT_EQ(money("2.5").toDisplay(0, Rounding::kFloor), "2");
  EXPECT_EQ(money("2.5").toDisplay(0, Rounding::kCeiling), "3");
  EXPECT_EQ(money("-2.5").toDisplay(0, Rounding::kFloor), "-3");
  EXPECT_EQ(money("-2.5").toDisplay(0, Rounding::kCeiling), "-2");
  // 1234567.5 -> tie; 1234568 is even.
  EXPECT_EQ(money("1234567.5").toDisplay(0, Rounding::kHalfEven), "1,234,568");
  EXPECT_EQ(money("999.99").toDisplay(0, Rounding::kHalfEven), "1,000");
}

TEST(FixedPointTest, DisplayGroupsThousands) {
  EXPECT_EQ(money("1234567.5").toDisplay(2), "1,234,567.50");
  EXPECT_EQ(money("1234567.5").toDisplay(2, Rounding::kHalfEven, false), "1234567.50");
  EXPECT_EQ(money("-1234567.5").toDisplay(2), "-1,234,567.50");
  EXPECT_EQ(money("999").toDisplay(2), "999.00");
  EXPECT_EQ(money("1000").toDisplay(2), "1,000.00");
  EXPECT_EQ(money("100000").toDisplay(2), "100,000.00");
  EXPECT_EQ(money("0").toDisplay(2), "0.00");
  // 92233720368.54775807 -> 9223372036854.775807 cents -> ...55 (above the tie).
  EXPECT_EQ(Money::max().toDisplay(2), "92,233,720,368.55");
  EXPECT_EQ((-Money::max()).toDisplay(2), "-92,233,720,368.55");
  EXPECT_EQ(Money::max().toDisplay(0, Rounding::kCeiling), "92,233,720,369");
  EXPECT_EQ(Money::max().toDisplay(8), "92,233,720,368.54775807");
  // Every length of the whole part: a comma before each group of three counted from the right.
  const std::array<const char*, 11> grouped{"1", "12", "123", "1,234", "12,345", "123,456", "1,234,567",
                                            "12,345,678", "123,456,789", "1,234,567,890", "12,345,678,901"};
  std::string digits;
  for (const char* expected : grouped) {
    digits += static_cast<char>('0' + (digits.size() + 1) % 10);
    EXPECT_EQ(money(digits).toDisplay(0), expected);
    EXPECT_EQ(money("-" + digits).toDisplay(0), std::string("-") + expected);
  }
}

TEST(FixedPointTest, DisplayClampsTheDecimalCount) {
  EXPECT_EQ(money("0.00000001").toDisplay(8), "0.00000001");
  EXPECT_EQ(money("1.5").toDisplay(12, Rounding::kHalfEven, false), "1.50000000");  // clamped to 8
  EXPECT_EQ(money("1.5").toDisplay(-3, Rounding::kFloor, false), "1");              // clamped to 0
}

// ---------------------------------------------------------------------------------------------
// divideRounded

struct DivisionCase {
  Wide numerator;
  Wide denominator;
  Wide floor;
  Wide ceiling;
  Wide halfEven;
};

TEST(FixedPointTest, DivideRoundedCoversEveryModeAndSign) {
  const std::array<DivisionCase, 14> cases{{
      {6, 3, 2, 2, 2},        // exact
      {-6, 3, -2, -2, -2},    // exact, negative
      {7, 3, 2, 3, 2},        // 2.33
      {8, 3, 2, 3, 3},        // 2.67
      {-7, 3, -3, -2, -2},    // -2.33
      {-8, 3, -3, -2, -3},    // -2.67
      {5, 2, 2, 3, 2},        // 2.5 tie -> 2 (even)
      {7, 2, 3, 4, 4},        // 3.5 tie -> 4 (even)
      {-5, 2, -3, -2, -2},    // -2.5 tie -> -2
      {-7, 2, -4, -3, -4},    // -3.5 tie -> -4
      {1, 4, 0, 1, 0},        // 0.25
      {-1, 4, -1, 0, 0},      // -0.25
      {1, 2, 0, 1, 0},        // 0.5 tie -> 0
      {-3, 2, -2, -1, -2},    // -1.5 tie -> -2
  }};
  for (const DivisionCase& c : cases) {
    SCOPED_TRACE(static_cast<int64_t>(c.numerator));
    SCOPED_TRACE(static_cast<int64_t>(c.denominator));
    EXPECT_EQ(divideRounded(c.numerator, c.denominator, Rounding::kFloor), c.floor);
    EXPECT_EQ(divideRounded(c.numerator, c.denominator, Rounding::kCeiling), c.ceiling);
    EXPECT_EQ(divideRounded(c.numerator, c.denominator, Rounding::kHalfEven), c.halfEven);
  }
  static_assert(divideRounded(-5, 2, Rounding::kFloor) == -3);
  static_assert(divideRounded(5, 2, Rounding::kHalfEven) == 2);
}

TEST(FixedPointTest, DivideRoundedHandlesWideValues) {
  // (2^100 + 1) / 2: floor 2^99, ceiling 2^99 + 1, tie -> 2^99 (even).
  const Wide twoTo100 = Wide{1} << 100;
  EXPECT_EQ(divideRounded(twoTo100 + 1, 2, Rounding::kFloor), twoTo100 / 2);
  EXPECT_EQ(divideRounded(twoTo100 + 1, 2, Rounding::kCeiling), twoTo100 / 2 + 1);
  EXPECT_EQ(divideRounded(twoTo100 + 1, 2, Rounding::kHalfEven), twoTo100 / 2);
  EXPECT_EQ(divideRounded(-(twoTo100 + 1), 2, Rounding::kFloor), -(twoTo100 / 2) - 1);
}

// Reference for divideRounded written another way: floor division first, then adjust.
Wide referenceDivide(Wide numerator, Wide denominator, Rounding rounding) {
  Wide floorQuotient = numerator / denominator;
  Wide floorRemainder = numerator % denominator;
  if (floorRemainder < 0) {
    floorQuotient -= 1;
    floorRemainder += denominator;
  }
  if (floorRemainder == 0) return floorQuotient;
  switch (rounding) {
    case Rounding::kFloor:
      return floorQuotient;
    case Rounding::kCeiling:
      return floorQuotient + 1;
    case Rounding::kHalfEven:
      if (2 * floorRemainder < denominator) return floorQuotient;
      if (2 * floorRemainder > denominator) return floorQuotient + 1;
      return floorQuotient % 2 == 0 ? floorQuotient : floorQuotient + 1;
  }
  return floorQuotient;
}

TEST(FixedPointTest, DivideRoundedMatchesAFloorBasedReference) {
  std::mt19937_64 random(20240611);
  for (int i = 0; i < 50'000; ++i) {
    const Wide numerator = static_cast<int64_t>(random()) >> (random() % 63);
    const Wide denominator = static_cast<Wide>((random() >> (random() % 63)) | 1);
    for (const Rounding rounding : {Rounding::kFloor, Rounding::kCeiling, Rounding::kHalfEven}) {
      ASSERT_EQ(divideRounded(numerator, denominator, rounding), referenceDivide(numerator, denominator, rounding))
          << static_cast<int64_t>(numerator) << " / " << static_cast<int64_t>(denominator);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Round trip

int64_t randomRaw(std::mt19937_64& random) {
  // Uniform over [-kMaxRaw, kMaxRaw] most of the time, small magnitudes and short fractions otherwise, so
  // that both long and short texts are exercised.
  switch (random() % 4) {
    case 0: {
      const int64_t value = static_cast<int64_t>(random() >> 1);  // 0 .. kMaxRaw
      return random() % 2 == 0 ? value : -value;
    }
    case 1: {
      const int64_t value = static_cast<int64_t>((random() >> 1) >> (random() % 63));
      return random() % 2 == 0 ? value : -value;
    }
    case 2: {  // whole units or a few decimals
      static constexpr std::array<int64_t, 5> kSteps{kScale, kScale / 100, kScale / 10'000, 1'000, 1};
      const int64_t step = kSteps[random() % kSteps.size()];
      const int64_t value = static_cast<int64_t>(random() % 1'000'000'000) * step;
      return random() % 2 == 0 ? value : -value;
    }
    default: {  // near the ends of the range
      const int64_t value = kMaxRaw - static_cast<int64_t>(random() % 1'000'000);
      return random() % 2 == 0 ? value : -value;
    }
  }
}

TEST(FixedPointTest, ParseOfToStringRoundTrips) {
  std::mt19937_64 random(42);
  for (int i = 0; i < 100'000; ++i) {
    const Money value = Money::fromRaw(randomRaw(random));
    const std::string text = value.toString();
    const auto parsed = Money::parse(text);
    ASSERT_TRUE(parsed.value) << text << ": " << describe(parsed.error);
    ASSERT_EQ(*parsed.value, value) << text;
    // The 8-decimal display without grouping is exact too.
    const auto displayed = Money::parse(value.toDisplay(8, Rounding::kFloor, false));
    ASSERT_TRUE(displayed.value) << value.toDisplay(8, Rounding::kFloor, false);
    ASSERT_EQ(*displayed.value, value);
  }
  for (const int64_t raw : {int64_t{0}, int64_t{1}, int64_t{-1}, kMaxRaw, kMinValidRaw, kScale, -kScale}) {
    EXPECT_EQ(Money::parse(Money::fromRaw(raw).toString()).value, Money::fromRaw(raw));
  }
}

// ---------------------------------------------------------------------------------------------
// Checked arithmetic

TEST(FixedPointTest, CheckedAddAndSubReportOverflow) {
  const Money one = Money::fromRaw(1);
  EXPECT_EQ(checkedAdd(Money::max(), Money::zero()), Money::max());
  EXPECT_FALSE(checkedAdd(Money::max(), one));
  EXPECT_FALSE(checkedAdd(Money::max(), Money::max()));
  EXPECT_FALSE(checkedAdd(-Money::max(), -one));  // would be INT64_MIN, never valid
  EXPECT_EQ(checkedAdd(Money::max(), -Money::max()), Money::zero());
  EXPECT_EQ(checkedAdd(money("1.5"), money("-2.25")), money("-0.75"));

  EXPECT_FALSE(checkedSub(-Money::max(), one));
  EXPECT_FALSE(checkedSub(Money::max(), -one));
  EXPECT_FALSE(checkedSub(Money::max(), -Money::max()));
  EXPECT_EQ(checkedSub(Money::max(), Money::max()), Money::zero());
  EXPECT_EQ(checkedSub(-Money::max(), -one), Money::fromRaw(kMinValidRaw + 1));
  static_assert(!checkedAdd(Price::max(), Price::fromRaw(1)));
}

TEST(FixedPointTest, FromWideRefusesValuesOutsideTheRange) {
  EXPECT_FALSE(Money::fromWide(Wide{std::numeric_limits<int64_t>::min()}));
  EXPECT_FALSE(Money::fromWide(Wide{kMaxRaw} + 1));
  EXPECT_FALSE(Money::fromWide(Wide{1} << 100));
  EXPECT_FALSE(Money::fromWide(-(Wide{1} << 100)));
  EXPECT_EQ(Money::fromWide(kMaxRaw), Money::max());
  EXPECT_EQ(Money::fromWide(kMinValidRaw), -Money::max());
  EXPECT_EQ(Money::fromWide(0), Money::zero());
}

TEST(FixedPointTest, BasicAccessorsAndOrdering) {
  const Price negative = price("-1.5");
  EXPECT_TRUE(negative.isNegative());
  EXPECT_EQ(negative.sign(), -1);
  EXPECT_EQ(negative.abs(), price("1.5"));
  EXPECT_EQ(-negative, price("1.5"));
  EXPECT_EQ(Price::zero().sign(), 0);
  EXPECT_EQ(Price::fromUnits(3).raw(), 3 * kScale);
  EXPECT_LT(negative, Price::zero());
  EXPECT_EQ(minOf(negative, Price::zero()), negative);
  EXPECT_EQ(maxOf(negative, Price::zero()), Price::zero());
  EXPECT_EQ((-Price::max()).abs(), Price::max());
}

// ---------------------------------------------------------------------------------------------
// notionalOf / multiplyThree

TEST(FixedPointTest, NotionalOfSmallExactCases) {
  // 10 contracts x 50 x 4500.25 = 500 x 4500.25 = 2,250,125.
  EXPECT_EQ(notionalOf(quantity("10"), ratio("50"), price("4500.25")), money("2250125"));
  // 0.001 BTC x 1 x 65000.5 = 65.0005.
  EXPECT_EQ(notionalOf(quantity("0.001"), ratio("1"), price("65000.5")), money("65.0005"));
  // The notional is of |quantity|: a short position has the same positive notional.
  EXPECT_EQ(notionalOf(quantity("-10"), ratio("50"), price("4500.25")), money("2250125"));
  EXPECT_EQ(notionalOf(Quantity::zero(), ratio("50"), price("4500.25")), Money::zero());
  // 0.00000001 x 1 x 92233720368.54775807 = 922.33720368 54775807 -> half-even: .5477... > .5 -> up.
  EXPECT_EQ(notionalOf(quantity("0.00000001"), ratio("1"), Price::max()), money("922.33720369"));
}

TEST(FixedPointTest, MultiplyThreeRoundsAtTheLastUnit) {
  // Raw counts: a = 0.33333333 -> 33333333, b = 1 -> 1e8, c = 3.00000001 -> 300000001.
  // a*b*c / 1e16 = 33333333 * 300000001 / 1e8
  //              = (9,999,999,900,000,000 + 33,333,333) / 1e8 = 9,999,999,933,333,333 / 1e8
  //              = 99,999,999.33333333 raw units -> floor 99,999,999, ceiling 100,000,000, half-even 99,999,999.
  const Wide a = 33'333'333;
  const Wide b = kScale;
  const Wide c = 300'000'001;
  EXPECT_EQ(multiplyThree(a, b, c, Rounding::kFloor), Wide{99'999'999});
  EXPECT_EQ(multiplyThree(a, b, c, Rounding::kCeiling), Wide{100'000'000});
  EXPECT_EQ(multiplyThree(a, b, c, Rounding::kHalfEven), Wide{99'999'999});
  EXPECT_EQ(notionalOf(quantity("0.33333333"), ratio("1"), price("3.00000001")), money("0.99999999"));

  // Ties: 0.00000001 x 1 x 0.5 = 0.5 raw units -> floor 0, ceiling 1, half-even 0 (even).
  EXPECT_EQ(multiplyThree(1, kScale, 50'000'000, Rounding::kFloor), Wide{0});
  EXPECT_EQ(multiplyThree(1, kScale, 50'000'000, Rounding::kCeiling), Wide{1});
  EXPECT_EQ(multiplyThree(1, kScale, 50'000'000, Rounding::kHalfEven), Wide{0});
  // 0.00000003 x 1 x 0.5 = 1.5 raw units -> floor 1, ceiling 2, half-even 2 (even).
  EXPECT_EQ(multiplyThree(3, kScale, 50'000'000, Rounding::kFloor), Wide{1});
  EXPECT_EQ(multiplyThree(3, kScale, 50'000'000, Rounding::kCeiling), Wide{2});
  EXPECT_EQ(multiplyThree(3, kScale, 50'000'000, Rounding::kHalfEven), Wide{2});
  // 3 x 0.00000001 x 0.5: the same 1.5 raw units with the unit in the multiplier.
  EXPECT_EQ(multiplyThree(3 * kScale, 1, 50'000'000, Rounding::kHalfEven), Wide{2});
  // 0.00000001 x 1 x 0.50000001 = 0.50000001 raw units: just above the tie -> 1.
  EXPECT_EQ(multiplyThree(1, kScale, 50'000'001, Rounding::kHalfEven), Wide{1});
  // 0.00000001 x 1 x 0.49999999 = 0.49999999 raw units: just below the tie -> 0; ceiling still 1.
  EXPECT_EQ(multiplyThree(1, kScale, 49'999'999, Rounding::kHalfEven), Wide{0});
  EXPECT_EQ(multiplyThree(1, kScale, 49'999'999, Rounding::kCeiling), Wide{1});
  // The smallest non-zero product: 1 * 1 * 1 / 1e16 -> floor 0, ceiling 1, half-even 0.
  EXPECT_EQ(multiplyThree(1, 1, 1, Rounding::kFloor), Wide{0});
  EXPECT_EQ(multiplyThree(1, 1, 1, Rounding::kCeiling), Wide{1});
  EXPECT_EQ(multiplyThree(1, 1, 1, Rounding::kHalfEven), Wide{0});
}

TEST(FixedPointTest, MultiplyThreeSurvivesProductsAbove128Bits) {
  // qty 1e9 (raw 1e17) x multiplier 1e6 (raw 1e14) x price 1e5 (raw 1e13):
  // the naive product 1e44 does not fit in 128 bits (max ~1.7e38); the exact result is 1e44 / 1e16 = 1e28 raw
  // = 1e20 money, above the int64 money range (~9.2e10).
  const Wide a = Wide{1'000'000'000} * kScale;
  const Wide b = Wide{1'000'000} * kScale;
  const Wide c = Wide{100'000} * kScale;
  const Wide tenTo28 = Wide{10'000'000'000'000} * Wide{1'000'000'000'000'000};  // 1e13 * 1e15
  EXPECT_EQ(multiplyThree(a, b, c, Rounding::kHalfEven), tenTo28);
  EXPECT_FALSE(notionalOf(quantity("1000000000"), ratio("1000000"), price("100000")));
  EXPECT_FALSE(signedValueOf(quantity("-1000000000"), ratio("1000000"), price("100000")));

  // qty 1e9 x 1 x 50 = 5e10 money = 5e18 raw, inside the range (max ~9.22e18).
  EXPECT_EQ(notionalOf(quantity("1000000000"), ratio("1"), price("50")), money("50000000000"));
  // qty 1e9 x 1 x 93 = 9.3e10 > 9.22e10: out of range.
  EXPECT_FALSE(notionalOf(quantity("1000000000"), ratio("1"), price("93")));

  // The largest inputs: max^3 / 1e16 is ~7.8e40, more than 128 bits can hold: reported, not wrapped.
  EXPECT_FALSE(multiplyThree(kMaxRaw, kMaxRaw, kMaxRaw, Rounding::kHalfEven));
  EXPECT_FALSE(notionalOf(Quantity::max(), Ratio::max(), Price::max()));
  // max x 1 x 1 is exactly max.
  EXPECT_EQ(notionalOf(Quantity::max(), ratio("1"), price("1")), Money::max());
  EXPECT_EQ(notionalOf(-Quantity::max(), ratio("1"), price("-1")), Money::max());
}

// Exact reference for a*b*c / 1e16 with a, b, c in [0, 2^63): a 192-bit product in three 64-bit limbs,
// divided by 1e16 with schoolbook long division.
struct ReferenceQuotient {
  bool fitsIn127Bits = false;
  Wide quotient = 0;  // valid when fitsIn127Bits
  uint64_t remainder = 0;
};

ReferenceQuotient referenceMultiplyThree(Wide a, Wide b, Wide c) {
  const UWide ab = static_cast<UWide>(a) * static_cast<UWide>(b);  // < 2^126
  const auto cc = static_cast<uint64_t>(c);
  const UWide low = static_cast<UWide>(static_cast<uint64_t>(ab)) * cc;
  const UWide high = static_cast<UWide>(static_cast<uint64_t>(ab >> 64)) * cc;
  // limbs[0] is the least significant.
  std::array<uint64_t, 3> limbs{};
  limbs[0] = static_cast<uint64_t>(low);
  const UWide middle = (low >> 64) + static_cast<uint64_t>(high);
  limbs[1] = static_cast<uint64_t>(middle);
  limbs[2] = static_cast<uint64_t>((middle >> 64) + static_cast<uint64_t>(high >> 64));

  const auto divisor = static_cast<uint64_t>(kScaleSquared);
  std::array<uint64_t, 3> quotient{};
  UWide remainder = 0;
  for (int i = 2; i >= 0; --i) {
    const UWide current = (remainder << 64) | limbs[static_cast<std::size_t>(i)];
    quotient[static_cast<std::size_t>(i)] = static_cast<uint64_t>(current / divisor);
    remainder = current % divisor;
  }
  ReferenceQuotient result;
  result.remainder = static_cast<uint64_t>(remainder);
  result.fitsIn127Bits = quotient[2] == 0 && (quotient[1] >> 63) == 0;
  if (result.fitsIn127Bits) result.quotient = static_cast<Wide>((static_cast<UWide>(quotient[1]) << 64) | quotient[0]);
  return result;
}

std::optional<Wide> referenceRounded(Wide a, Wide b, Wide c, Rounding rounding) {
  const ReferenceQuotient exact = referenceMultiplyThree(a, b, c);
  if (!exact.fitsIn127Bits) return std::nullopt;
  const auto half = static_cast<uint64_t>(kScaleSquared / 2);
  if (exact.remainder == 0) return exact.quotient;
  switch (rounding) {
    case Rounding::kFloor:
      return exact.quotient;
    case Rounding::kCeiling:
      return exact.quotient + 1;
    case Rounding::kHalfEven:
      if (exact.remainder < half) return exact.quotient;
      if (exact.remainder > half) return exact.quotient + 1;
      return exact.quotient % 2 == 0 ? exact.quotient : exact.quotient + 1;
  }
  return std::nullopt;
}

TEST(FixedPointTest, MultiplyThreeMatchesDirect128BitProductForSmallInputs) {
  std::mt19937_64 random(7);
  for (int i = 0; i < 100'000; ++i) {
    // Each factor below 2^42, so a*b*c < 2^126 fits a signed 128-bit integer directly.
    const Wide a = static_cast<Wide>(random() >> (22 + random() % 42));
    const Wide b = static_cast<Wide>(random() >> (22 + random() % 42));
    const Wide c = static_cast<Wide>(random() >> (22 + random() % 42));
    const Wide product = a * b * c;
    const Wide floor = product / kScaleSquared;
    const Wide remainder = product % kScaleSquared;
    const Wide ceiling = remainder == 0 ? floor : floor + 1;
    const Wide halfEven =
        (remainder * 2 > kScaleSquared || (remainder * 2 == kScaleSquared && floor % 2 == 1)) ? floor + 1 : floor;
    ASSERT_EQ(multiplyThree(a, b, c, Rounding::kFloor), floor);
    ASSERT_EQ(multiplyThree(a, b, c, Rounding::kCeiling), ceiling);
    ASSERT_EQ(multiplyThree(a, b, c, Rounding::kHalfEven), halfEven);
  }
}

TEST(FixedPointTest, MultiplyThreeMatchesA192BitReferenceOverTheWholeRange) {
  std::mt19937_64 random(11);
  int compared = 0;
  for (int i = 0; i < 100'000; ++i) {
    const Wide a = static_cast<Wide>((random() >> 1) >> (random() % 63));
    const Wide b = static_cast<Wide>((random() >> 1) >> (random() % 63));
    const Wide c = static_cast<Wide>((random() >> 1) >> (random() % 63));
    for (const Rounding rounding : {Rounding::kFloor, Rounding::kCeiling, Rounding::kHalfEven}) {
      const std::optional<Wide> actual = multiplyThree(a, b, c, rounding);
      const std::optional<Wide> expected = referenceRounded(a, b, c, rounding);
      if (actual) {
        ASSERT_TRUE(expected);
        ASSERT_EQ(*actual, *expected);
        ++compared;
      }
      // Any result that fits the int64 range must be computed, never reported as an overflow.
      if (expected && fitsRaw(*expected)) {
        ASSERT_TRUE(actual);
      }
      // The order of the factors does not matter.
      ASSERT_EQ(multiplyThree(c, a, b, rounding), actual);
    }
  }
  EXPECT_GT(compared, 100'000);
}

TEST(FixedPointTest, SignedValueFollowsTheSignOfTheProduct) {
  // 2 x 1 x 100.5 = 201; a short position is negative.
  EXPECT_EQ(signedValueOf(quantity("2"), ratio("1"), price("100.5")), money("201"));
  EXPECT_EQ(signedValueOf(quantity("-2"), ratio("1"), price("100.5")), money("-201"));
  EXPECT_EQ(signedValueOf(Quantity::zero(), ratio("1"), price("100.5")), Money::zero());
  // Negative prices (e.g. spreads): 2 x 1 x -37.63 = -75.26 and -2 x 1 x -37.63 = +75.26.
  EXPECT_EQ(signedValueOf(quantity("2"), ratio("1"), price("-37.63")), money("-75.26"));
  EXPECT_EQ(signedValueOf(quantity("-2"), ratio("1"), price("-37.63")), money("75.26"));
  // Rounding is symmetric: -0.00000003 x 1 x 0.5 = -1.5 raw -> magnitude 2 (even) -> -2 raw.
  EXPECT_EQ(signedValueOf(quantity("-0.00000003"), ratio("1"), price("0.5")), Money::fromRaw(-2));
  EXPECT_EQ(signedValueOf(quantity("0.00000003"), ratio("1"), price("0.5")), Money::fromRaw(2));
  // A value rounding to zero is plain zero.
  EXPECT_EQ(signedValueOf(quantity("-0.00000001"), ratio("1"), price("0.5")), Money::zero());
  EXPECT_EQ(signedValueOf(-Quantity::max(), ratio("1"), price("1")), -Money::max());
}

// ---------------------------------------------------------------------------------------------
// scaleMoney, ratioOf, compareToMultiple

TEST(FixedPointTest, ScaleMoneyRounds) {
  // 100 x 1.5 = 150, exact.
  EXPECT_EQ(scaleMoney(money("100"), ratio("1.5"), Rounding::kFloor), money("150"));
  // 0.5 x 0.33333333 = 0.166666665 = 16,666,666.5 raw: a tie.
  EXPECT_EQ(scaleMoney(money("0.5"), ratio("0.33333333"), Rounding::kFloor), money("0.16666666"));
  EXPECT_EQ(scaleMoney(money("0.5"), ratio("0.33333333"), Rounding::kCeiling), money("0.16666667"));
  EXPECT_EQ(scaleMoney(money("0.5"), ratio("0.33333333"), Rounding::kHalfEven), money("0.16666666"));
  // 0.00000003 x 0.5 = 1.5 raw -> half-even 2; negative: -1.5 raw -> floor -2, ceiling -1, half-even -2.
  EXPECT_EQ(scaleMoney(Money::fromRaw(3), ratio("0.5"), Rounding::kHalfEven), Money::fromRaw(2));
  EXPECT_EQ(scaleMoney(Money::fromRaw(-3), ratio("0.5"), Rounding::kFloor), Money::fromRaw(-2));
  EXPECT_EQ(scaleMoney(Money::fromRaw(-3), ratio("0.5"), Rounding::kCeiling), Money::fromRaw(-1));
  EXPECT_EQ(scaleMoney(Money::fromRaw(-3), ratio("0.5"), Rounding::kHalfEven), Money::fromRaw(-2));
  // -0.00000005 x 0.5 = -2.5 raw -> half-even -2.
  EXPECT_EQ(scaleMoney(Money::fromRaw(-5), ratio("0.5"), Rounding::kHalfEven), Money::fromRaw(-2));
  // Overflow: max x 2.
  EXPECT_FALSE(scaleMoney(Money::max(), ratio("2"), Rounding::kFloor));
  EXPECT_FALSE(scaleMoney(Money::max(), Ratio::max(), Rounding::kFloor));
  EXPECT_EQ(scaleMoney(Money::max(), ratio("1"), Rounding::kFloor), Money::max());
  EXPECT_EQ(scaleMoney(-Money::max(), ratio("1"), Rounding::kFloor), -Money::max());
}

TEST(FixedPointTest, RatioOfRoundsDown) {
  // 1/3 = 0.333333333... -> 0.33333333; -1/3 = -0.333333333... -> floor -0.33333334.
  EXPECT_EQ(ratioOf(money("1"), money("3")), ratio("0.33333333"));
  EXPECT_EQ(ratioOf(money("-1"), money("3")), ratio("-0.33333334"));
  // 2/3 = 0.6666666666... -> floor 0.66666666 (not rounded to nearest).
  EXPECT_EQ(ratioOf(money("2"), money("3")), ratio("0.66666666"));
  EXPECT_EQ(ratioOf(money("110"), money("100")), ratio("1.1"));
  EXPECT_EQ(ratioOf(Money::zero(), money("5")), Ratio::zero());
  EXPECT_EQ(ratioOf(Money::max(), Money::max()), ratio("1"));
  // Saturates instead of overflowing: max / 0.00000001 = max * 1e8.
  EXPECT_EQ(ratioOf(Money::max(), Money::fromRaw(1)), Ratio::max());
  EXPECT_EQ(ratioOf(-Money::max(), Money::fromRaw(1)), -Ratio::max());
}

TEST(FixedPointTest, CompareToMultipleIsExact) {
  // Equity 110 vs 1.10 x maintenance 100 = 110: equal.
  EXPECT_EQ(compareToMultiple(money("110"), ratio("1.10"), money("100")), std::strong_ordering::equal);
  EXPECT_EQ(compareToMultiple(money("109.99999999"), ratio("1.10"), money("100")), std::strong_ordering::less);
  EXPECT_EQ(compareToMultiple(money("110.00000001"), ratio("1.10"), money("100")), std::strong_ordering::greater);
  // 1.1 x 0.00000003 = 0.000000033, which no Money can hold: 3 raw < 3.3 raw < 4 raw. A rounded product
  // (3 raw) would call the first one equal.
  EXPECT_EQ(compareToMultiple(Money::fromRaw(3), ratio("1.1"), Money::fromRaw(3)), std::strong_ordering::less);
  EXPECT_EQ(compareToMultiple(Money::fromRaw(4), ratio("1.1"), Money::fromRaw(3)), std::strong_ordering::greater);
  // The extremes do not overflow.
  EXPECT_EQ(compareToMultiple(Money::max(), ratio("1"), Money::max()), std::strong_ordering::equal);
  EXPECT_EQ(compareToMultiple(Money::max(), Ratio::max(), Money::max()), std::strong_ordering::less);
  EXPECT_EQ(compareToMultiple(-Money::max(), Ratio::max(), Money::max()), std::strong_ordering::less);
  EXPECT_EQ(compareToMultiple(money("-5"), ratio("1.1"), money("-5")), std::strong_ordering::greater);  // -5 > -5.5
  static_assert(compareToMultiple(Money::fromUnits(110), Ratio::fromRaw(110'000'000), Money::fromUnits(100)) ==
                std::strong_ordering::equal);
}

}  // namespace
}  // namespace risk
