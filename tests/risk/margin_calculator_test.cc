// The margin model (risk/margin_calculator.h): fills, average cost, tiered requirements with a
// house multiplier, open-order margin at worst case and account snapshots. Every expected number
// is computed by hand in the comment beside it.
#include "risk/margin_calculator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/risk/engine_fixture.h"

namespace risk {
// Failure messages show fixed-point values as decimals ("12.5") rather than raw bytes.
template <class Tag>
void PrintTo(const Fixed<Tag>& value, std::ostream* os) {
  *os << value.toString();
}
}  // namespace risk

namespace risk::testing {
namespace {

// ---------------------------------------------------------------------------------------------
// applyFill

FillResult applied(std::string_view position, std::string_view basis, Side side, std::string_view quantity,
                   std::string_view price, std::string_view multiplier = "1") {
  const auto result = applyFill(qty(position), money(basis), side, qty(quantity), px(price), ratio(multiplier));
  if (!result) throw std::runtime_error("applyFill overflowed");
  return *result;
}

TEST(ApplyFillTest, OpensALong) {
  // Flat, buy 10 @ 100: basis = 10 * 1 * 100 = 1,000, nothing realized.
  const FillResult result = applied("0", "0", Side::kBuy, "10", "100");
  EXPECT_EQ(result.quantity, qty("10"));
  EXPECT_EQ(result.costBasis, money("1000"));
  EXPECT_EQ(result.realized, money("0"));
}

TEST(ApplyFillTest, AddingAtAnotherPriceAveragesTheCost) {
  // Long 10 (basis 1,000), buy 5 @ 106: basis = 1,000 + 5 * 106 = 1,530; average 1,530 / 15 = 102.
  const FillResult result = applied("10", "1000", Side::kBuy, "5", "106");
  EXPECT_EQ(result.quantity, qty("15"));
  EXPECT_EQ(result.costBasis, money("1530"));
  EXPECT_EQ(result.realized, money("0"));
  PositionState position;
  position.quantity = result.quantity;
  position.costBasis = result.costBasis;
  EXPECT_EQ(averageEntryPrice(position, ratio("1")), px("102"));
}

TEST(ApplyFillTest, PartialReduceRealizesAgainstTheAverage) {
  // Long 15 (basis 1,530, avg 102), sell 6 @ 110:
  // removed basis = 1,530 * 6 / 15 = 612; proceeds = 6 * 110 = 660; realized = 660 - 612 = 48
  // (= 6 * (110 - 102)); left: 9 with basis 1,530 - 612 = 918 (avg still 102).
  const FillResult result = applied("15", "1530", Side::kSell, "6", "110");
  EXPECT_EQ(result.quantity, qty("9"));
  EXPECT_EQ(result.costBasis, money("918"));
  EXPECT_EQ(result.realized, money("48"));
}

TEST(ApplyFillTest, FullCloseRemovesTheWholeBasis) {
  // Long 9 (basis 918), sell 9 @ 95: proceeds 855; realized = 855 - 918 = -63 (= 9 * (95 - 102)).
  const FillResult result = applied("9", "918", Side::kSell, "9", "95");
  EXPECT_EQ(result.quantity, qty("0"));
  EXPECT_EQ(result.costBasis, money("0"));
  EXPECT_EQ(result.realized, money("-63"));
}

TEST(ApplyFillTest, FlipsLongToShortThroughZero) {
  // Long 10 (basis 1,000), sell 15 @ 120: closes 10 -> realized 10 * 120 - 1,000 = 200; opens short 5 @ 120:
  // basis = -5 * 120 = -600.
  const FillResult result = applied("10", "1000", Side::kSell, "15", "120");
  EXPECT_EQ(result.quantity, qty("-5"));
  EXPECT_EQ(result.costBasis, money("-600"));
  EXPECT_EQ(result.realized, money("200"));
}

TEST(ApplyFillTest, ShortOpenAddAndPartialCover) {
  // Flat, sell 4 @ 50: short 4, basis -200 (average 50).
  FillResult result = applied("0", "0", Side::kSell, "4", "50");
  EXPECT_EQ(result.quantity, qty("-4"));
  EXPECT_EQ(result.costBasis, money("-200"));
  EXPECT_EQ(result.realized, money("0"));
  // Sell 6 more @ 55: basis = -200 - 330 = -530, short 10, average 53.
  result = applied("-4", "-200", Side::kSell, "6", "55");
  EXPECT_EQ(result.quantity, qty("-10"));
  EXPECT_EQ(result.costBasis, money("-530"));
  PositionState position;
  position.quantity = result.quantity;
  position.costBasis = result.costBasis;
  EXPECT_EQ(averageEntryPrice(position, ratio("1")), px("53"));
  // Buy 3 @ 50: removed = -530 * 3 / 10 = -159; paid 150; realized = -150 - (-159) = 9 (= 3 * (53 - 50)).
  result = applied("-10", "-530", Side::kBuy, "3", "50");
  EXPECT_EQ(result.quantity, qty("-7"));
  EXPECT_EQ(result.costBasis, money("-371"));
  EXPECT_EQ(result.realized, money("9"));
}

TEST(ApplyFillTest, FlipsShortToLongThroughZero) {
  // Short 7 (basis -371, avg 53), buy 10 @ 60: closes 7 -> realized = -420 + 371 = -49 (= 7 * (53 - 60));
  // opens long 3 @ 60: basis 180.
  const FillResult result = applied("-7", "-371", Side::kBuy, "10", "60");
  EXPECT_EQ(result.quantity, qty("3"));
  EXPECT_EQ(result.costBasis, money("180"));
  EXPECT_EQ(result.realized, money("-49"));
}

TEST(ApplyFillTest, ShortFullCover) {
  // Short 7 (basis -371), buy 7 @ 53: realized = -371 + 371 = 0, flat.
  const FillResult result = applied("-7", "-371", Side::kBuy, "7", "53");
  EXPECT_EQ(result.quantity, qty("0"));
  EXPECT_EQ(result.costBasis, money("0"));
  EXPECT_EQ(result.realized, money("0"));
}

TEST(ApplyFillTest, FractionalQuantitiesWithMultiplier50) {
  // Lot 0.001, multiplier 50. Buy 0.003 @ 12,345.67: basis = 0.003 * 50 * 12,345.67 = 0.15 * 12,345.67 = 1,851.8505.
  FillResult result = applied("0", "0", Side::kBuy, "0.003", "12345.67", "50");
  EXPECT_EQ(result.quantity, qty("0.003"));
  EXPECT_EQ(result.costBasis, money("1851.8505"));
  // Sell 0.001 @ 12,400: removed = 1,851.8505 / 3 = 617.2835; proceeds = 0.001 * 50 * 12,400 = 620;
  // realized = 620 - 617.2835 = 2.7165 (= 0.05 * (12,400 - 12,345.67) = 0.05 * 54.33).
  result = applied("0.003", "1851.8505", Side::kSell, "0.001", "12400", "50");
  EXPECT_EQ(result.quantity, qty("0.002"));
  EXPECT_EQ(result.costBasis, money("1234.567"));
  EXPECT_EQ(result.realized, money("2.7165"));
  // Sell 0.005 @ 12,300: closes 0.002 -> proceeds 0.1 * 12,300 = 1,230, realized 1,230 - 1,234.567 = -4.567;
  // opens short 0.003 @ 12,300: basis = -0.15 * 12,300 = -1,845.
  result = applied("0.002", "1234.567", Side::kSell, "0.005", "12300", "50");
  EXPECT_EQ(result.quantity, qty("-0.003"));
  EXPECT_EQ(result.costBasis, money("-1845"));
  EXPECT_EQ(result.realized, money("-4.567"));
}

TEST(ApplyFillTest, RemovedBasisIsRoundedHalfEvenAndTheLastCloseTakesTheRest) {
  // Long 3 with basis 30.00000001 (buy 1 @ 10.00000001, buy 2 @ 10).
  FillResult result = applied("0", "0", Side::kBuy, "1", "10.00000001");
  result = applied("1", "10.00000001", Side::kBuy, "2", "10");
  EXPECT_EQ(result.costBasis, money("30.00000001"));
  // Sell 1 @ 11: removed = 30.00000001 / 3 = 10.0000000033.. -> 10.00000000; realized 11 - 10 = 1; basis 20.00000001.
  result = applied("3", "30.00000001", Side::kSell, "1", "11");
  EXPECT_EQ(result.costBasis, money("20.00000001"));
  EXPECT_EQ(result.realized, money("1"));
  // Sell 1 @ 11: removed = 20.00000001 / 2 = 10.000000005, a tie -> even 10.00000000; realized 1; basis 10.00000001.
  result = applied("2", "20.00000001", Side::kSell, "1", "11");
  EXPECT_EQ(result.costBasis, money("10.00000001"));
  EXPECT_EQ(result.realized, money("1"));
  // Sell the last 1 @ 11: removes all of 10.00000001; realized 0.99999999.
  result = applied("1", "10.00000001", Side::kSell, "1", "11");
  EXPECT_EQ(result.quantity, qty("0"));
  EXPECT_EQ(result.costBasis, money("0"));
  EXPECT_EQ(result.realized, money("0.99999999"));
  // Total realized 1 + 1 + 0.99999999 = 2.99999999 = proceeds 33 - basis 30.00000001: nothing lost.

  // A remainder above one half rounds up: basis 30.00000002 / 3 = 10.0000000066.. -> 10.00000001.
  result = applied("3", "30.00000002", Side::kSell, "1", "11");
  EXPECT_EQ(result.costBasis, money("20.00000001"));
  EXPECT_EQ(result.realized, money("0.99999999"));
  // A tie that rounds up to even: basis 20.00000003 / 2 = 10.000000015 -> 10.00000002.
  result = applied("2", "20.00000003", Side::kSell, "1", "11");
  EXPECT_EQ(result.costBasis, money("10.00000001"));
  EXPECT_EQ(result.realized, money("0.99999998"));
}

// Closes a position in many uneven pieces and checks, at each step, that the removed basis is the
// proportional share rounded to the nearest 1e-8, that realized = proceeds - removed, and at the end
// that the position and its basis are exactly zero and the realized total is exactly the proceeds
// less the original basis (the removed pieces add up to the original basis, to the last 1e-8).
void closeInPieces(Side openSide) {
  const Side closeSide = openSide == Side::kBuy ? Side::kSell : Side::kBuy;
  const int sign = signOf(openSide);
  // Lot 0.001, multiplier 50. Open 1.000 in three pieces at awkward prices:
  //   0.333 @ 101.37 -> 16.65 * 101.37 = 1,687.8105
  //   0.334 @ 99.99  -> 16.7 * 99.99   = 1,669.833
  //   0.333 @ 100.01 -> 16.65 * 100.01 = 1,665.1665
  //   basis = 5,022.81 (average 5,022.81 / 50 = 100.4562)
  const Ratio multiplier = ratio("50");
  Quantity position = Quantity::zero();
  Money basis = Money::zero();
  for (const auto& [quantity, price] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"0.333", "101.37"}, {"0.334", "99.99"}, {"0.333", "100.01"}}) {
    const auto result = applyFill(position, basis, openSide, qty(quantity), px(price), multiplier);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->realized, Money::zero());
    position = result->quantity;
    basis = result->costBasis;
  }
  ASSERT_EQ(position, sign > 0 ? qty("1") : qty("-1"));
  const Money originalBasis = basis;
  ASSERT_EQ(originalBasis, sign > 0 ? money("5022.81") : money("-5022.81"));

  // Pieces of 0.007, 0.011, 0.013, 0.017, 0.019, 0.023 lots in turn, the last one capped to what is left;
  // price 100.00 + 0.01 * step. Proceeds are exact: 0.001 * 50 * 0.01 = 0.0005 >= 1e-8.
  const std::vector<int64_t> pieceLots = {7, 11, 13, 17, 19, 23};
  const int64_t lot = qty("0.001").raw();
  Wide realizedTotal = 0;
  Wide proceedsTotal = 0;
  int steps = 0;
  while (!position.isZero()) {
    const int64_t wanted = pieceLots[static_cast<std::size_t>(steps) % pieceLots.size()] * lot;
    const Quantity closed = Quantity::fromRaw(std::min(wanted, position.abs().raw()));
    const Price price = Price::fromRaw(px("100").raw() + steps * px("0.01").raw());
    const auto result = applyFill(position, basis, closeSide, closed, price, multiplier);
    ASSERT_TRUE(result);
    // Proceeds computed independently: closed * 50 * price, exact in 1e-8 units.
    const Wide proceedsExact = closed.wide() * 50 * price.wide();
    ASSERT_EQ(proceedsExact % kScale, 0);
    const Wide proceeds = proceedsExact / kScale;
    const Wide removed = basis.wide() - result->costBasis.wide();
    // removed is basis * closed / open to the nearest 1e-8: |removed * open - basis * closed| <= open / 2.
    const Wide open = position.abs().wide();
    Wide error = removed * open - basis.wide() * closed.wide();
    if (error < 0) error = -error;
    EXPECT_LE(2 * error, open) << "step " << steps;
    // Long: sold for proceeds what cost `removed`. Short: bought back for proceeds what was sold for -removed.
    EXPECT_EQ(result->realized.wide(), sign * proceeds - removed) << "step " << steps;
    EXPECT_EQ(result->quantity.wide(), position.wide() - sign * closed.wide());
    realizedTotal += result->realized.wide();
    proceedsTotal += proceeds;
    position = result->quantity;
    basis = result->costBasis;
    ++steps;
  }
  EXPECT_GT(steps, 50);  // 1.000 in pieces of about 0.015: 67 closes
  EXPECT_EQ(basis, Money::zero());
  // Long: realized = proceeds - 5,022.81. Short: realized = 5,022.81 - proceeds.
  EXPECT_EQ(realizedTotal, sign * proceedsTotal - originalBasis.wide());
}

TEST(ApplyFillTest, BasisIsConservedOverManyPartialClosesOfALong) { closeInPieces(Side::kBuy); }
TEST(ApplyFillTest, BasisIsConservedOverManyPartialClosesOfAShort) { closeInPieces(Side::kSell); }

TEST(ApplyFillTest, OverflowIsReportedNotWrapped) {
  // 90,000,000,000 * 90,000,000,000 is far beyond the 92,233,720,368 money limit.
  EXPECT_FALSE(applyFill(qty("0"), money("0"), Side::kBuy, qty("90000000000"), px("90000000000"), ratio("1")));
  EXPECT_FALSE(applyFill(qty("1"), money("1"), Side::kSell, qty("90000000000"), px("90000000000"), ratio("1")));
}

// ---------------------------------------------------------------------------------------------
// averageEntryPrice

PositionState positionOf(std::string_view quantity, std::string_view basis) {
  PositionState position;
  position.quantity = qty(quantity);
  position.costBasis = money(basis);
  return position;
}

TEST(AverageEntryPriceTest, LongShortFlatAndMultiplier) {
  EXPECT_EQ(averageEntryPrice(positionOf("0", "0"), ratio("1")), px("0"));
  EXPECT_EQ(averageEntryPrice(positionOf("15", "1530"), ratio("1")), px("102"));   // 1,530 / 15
  EXPECT_EQ(averageEntryPrice(positionOf("-10", "-530"), ratio("1")), px("53"));   // -530 / -10
  EXPECT_EQ(averageEntryPrice(positionOf("8", "8000"), ratio("10")), px("100"));   // 8,000 / (8 * 10)
  // 1,234.567 / (0.002 * 50) = 1,234.567 / 0.1 = 12,345.67
  EXPECT_EQ(averageEntryPrice(positionOf("0.002", "1234.567"), ratio("50")), px("12345.67"));
  EXPECT_EQ(averageEntryPrice(positionOf("-0.003", "-1845"), ratio("50")), px("12300"));  // 1,845 / 0.15
}

TEST(AverageEntryPriceTest, RoundsHalfEvenTo8Decimals) {
  EXPECT_EQ(averageEntryPrice(positionOf("3", "10"), ratio("1")), px("3.33333333"));   // 3.333333333..
  EXPECT_EQ(averageEntryPrice(positionOf("3", "20"), ratio("1")), px("6.66666667"));   // 6.666666666..
  EXPECT_EQ(averageEntryPrice(positionOf("-3", "-20"), ratio("1")), px("6.66666667")); // same for a short
  EXPECT_EQ(averageEntryPrice(positionOf("2", "0.00000001"), ratio("1")), px("0"));            // 0.5e-8 -> 0
  EXPECT_EQ(averageEntryPrice(positionOf("2", "0.00000003"), ratio("1")), px("0.00000002"));   // 1.5e-8 -> 2e-8
}

// ---------------------------------------------------------------------------------------------
// initialRequirement / maintenanceRequirement with a three-tier schedule and a house multiplier

// Multiplier 50. Floors 0 / 5,000,000 / 20,000,000; initial 0.10 / 0.15 / 0.25; maintenance 0.05 / 0.08 / 0.15.
// Initial cum:     0, 5,000,000 * 0.05 = 250,000, 250,000 + 20,000,000 * 0.10 = 2,250,000.
// Maintenance cum: 0, 5,000,000 * 0.03 = 150,000, 150,000 + 20,000,000 * 0.07 = 1,550,000.
Instrument tieredInstrument() {
  Instrument instrument = flatInstrument("TIER", "50", "0.10", "0.05");
  instrument.tiers = TierSchedule({{money("0"), ratio("0.10"), ratio("0.05")},
                                   {money("5000000"), ratio("0.15"), ratio("0.08")},
                                   {money("20000000"), ratio("0.25"), ratio("0.15")}});
  return instrument;
}

struct RequirementCase {
  std::string_view quantity;
  std::string_view initial;      // house 1
  std::string_view maintenance;  // house 1
  std::string_view initialHouse;      // house 1.5
  std::string_view maintenanceHouse;  // house 1.5
};

TEST(RequirementTest, ThreeTiersAcrossBracketsWithHouseMultiplier) {
  const Instrument instrument = tieredInstrument();
  const Price price = px("2000");  // one contract: 50 * 2,000 = 100,000 of notional
  const std::vector<RequirementCase> cases = {
      // N 0: nothing.
      {"0", "0", "0", "0", "0"},
      // N 4,000,000 (bracket 1): IM 400,000 (x1.5 = 600,000); MM 200,000 (x1.5 = 300,000).
      {"40", "400000", "200000", "600000", "300000"},
      // N 4,999,999 (just below floor 2): IM 499,999.9 (x1.5 = 749,999.85); MM 249,999.95 (x1.5 = 374,999.925).
      {"49.99999", "499999.9", "249999.95", "749999.85", "374999.925"},
      // N 5,000,000 (floor 2): IM 750,000 - 250,000 = 500,000 (continuous); MM 400,000 - 150,000 = 250,000.
      {"50", "500000", "250000", "750000", "375000"},
      // N 10,000,000: IM 1,500,000 - 250,000 = 1,250,000 (x1.5 = 1,875,000); MM 800,000 - 150,000 = 650,000 (975,000).
      {"100", "1250000", "650000", "1875000", "975000"},
      // N 20,000,000 (floor 3): IM 5,000,000 - 2,250,000 = 2,750,000 (= 3,000,000 - 250,000, continuous),
      // x1.5 = 4,125,000; MM 3,000,000 - 1,550,000 = 1,450,000 (= 1,600,000 - 150,000), x1.5 = 2,175,000.
      {"200", "2750000", "1450000", "4125000", "2175000"},
      // Short 300, N 30,000,000: IM 7,500,000 - 2,250,000 = 5,250,000 (x1.5 = 7,875,000);
      // MM 4,500,000 - 1,550,000 = 2,950,000 (x1.5 = 4,425,000).
      {"-300", "5250000", "2950000", "7875000", "4425000"},
  };
  for (const RequirementCase& c : cases) {
    SCOPED_TRACE(c.quantity);
    EXPECT_EQ(initialRequirement(instrument, ratio("1"), qty(c.quantity), price), money(c.initial));
    EXPECT_EQ(maintenanceRequirement(instrument, ratio("1"), qty(c.quantity), price), money(c.maintenance));
    EXPECT_EQ(initialRequirement(instrument, ratio("1.5"), qty(c.quantity), price), money(c.initialHouse));
    EXPECT_EQ(maintenanceRequirement(instrument, ratio("1.5"), qty(c.quantity), price), money(c.maintenanceHouse));
  }
}

TEST(RequirementTest, RoundsUpToTheNext1e8) {
  const Instrument instrument = flatInstrument("FLAT", "1", "0.10", "0.05");
  const Price price = px("100.00000001");  // N = 100.00000001
  // IM 10.000000001 -> 10.00000001; MM 5.0000000005 -> 5.00000001 (half-even would give 10 and 5).
  EXPECT_EQ(initialRequirement(instrument, ratio("1"), qty("1"), price), money("10.00000001"));
  EXPECT_EQ(maintenanceRequirement(instrument, ratio("1"), qty("1"), price), money("5.00000001"));
  // House 1.5: IM 15.0000000015 -> 15.00000001; MM 7.50000000075 -> 7.50000001.
  EXPECT_EQ(initialRequirement(instrument, ratio("1.5"), qty("1"), price), money("15.00000001"));
  EXPECT_EQ(maintenanceRequirement(instrument, ratio("1.5"), qty("1"), price), money("7.50000001"));
  // Exact values are not bumped: N 100, house 1.5: IM 15, MM 7.5.
  EXPECT_EQ(initialRequirement(instrument, ratio("1.5"), qty("1"), px("100")), money("15"));
  EXPECT_EQ(maintenanceRequirement(instrument, ratio("1.5"), qty("1"), px("100")), money("7.5"));
}

TEST(RequirementTest, OverflowIsEmpty) {
  const Instrument instrument = flatInstrument("FLAT", "1", "0.10", "0.05");
  EXPECT_FALSE(initialRequirement(instrument, ratio("1"), qty("90000000000"), px("90000000000")));
  EXPECT_FALSE(maintenanceRequirement(instrument, ratio("1"), qty("90000000000"), px("90000000000")));
}

// ---------------------------------------------------------------------------------------------
// openOrderInitial

TEST(OpenOrderInitialTest, WorstCaseOfAllBuysOrAllSells) {
  // Multiplier 1, IM 10 %, price 100: IM(q) = 10 * |q|. Long 10: IM 100.
  const Instrument instrument = flatInstrument("FLAT", "1", "0.10", "0.05");
  const Ratio house = ratio("1");
  const Price price = px("100");
  const Money positionInitial = money("100");
  // Buy 5 and sell 30 open: all buys -> 15 (IM 150); all sells -> |10 - 30| = 20 (IM 200). Worst 200: 200 - 100 = 100.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("10"), qty("5"), qty("30"), price, positionInitial), money("100"));
  // Buy 20 and sell 5: all buys -> 30 (IM 300); all sells -> 5 (IM 50). 300 - 100 = 200.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("10"), qty("20"), qty("5"), price, positionInitial), money("200"));
  // Sell 5 only: -> 5 (IM 50); buys -> 10 (IM 100). Worst 100 - 100 = 0: a reducing order costs nothing.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("10"), qty("0"), qty("5"), price, positionInitial), money("0"));
  // Sell 20 only: -> -10 (IM 100). 100 - 100 = 0.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("10"), qty("0"), qty("20"), price, positionInitial), money("0"));
  // No orders: 0.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("10"), qty("0"), qty("0"), price, positionInitial), money("0"));
  // Short 10 with buy 25 open: -> 15 (IM 150); sells -> -10 (IM 100). 150 - 100 = 50.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("-10"), qty("25"), qty("0"), price, positionInitial), money("50"));
  // Flat with buy 3 and sell 4: -> 3 (IM 30) or -4 (IM 40). 40 - 0 = 40.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("0"), qty("3"), qty("4"), price, money("0")), money("40"));
}

TEST(OpenOrderInitialTest, TieredWithHouseMultiplier) {
  const Instrument instrument = tieredInstrument();
  const Ratio house = ratio("1.5");
  const Price price = px("2000");
  // Flat with buy 40 (N 4,000,000: IM 600,000 with house) and sell 100 (N 10,000,000: IM 1,875,000).
  EXPECT_EQ(openOrderInitial(instrument, house, qty("0"), qty("40"), qty("100"), price, money("0")),
            money("1875000"));
  // Long 40 (IM 600,000) with buy 60 open: -> 100 (IM 1,875,000). 1,875,000 - 600,000 = 1,275,000.
  EXPECT_EQ(openOrderInitial(instrument, house, qty("40"), qty("60"), qty("0"), price, money("600000")),
            money("1275000"));
}

// ---------------------------------------------------------------------------------------------
// snapshotOf

AccountState accountWith(std::string_view cash, std::string_view unrealized, std::string_view maintenance,
                         std::string_view initial, std::string_view openOrders) {
  AccountState state;
  state.cash = money(cash);
  state.unrealizedTotal = money(unrealized).wide();
  state.maintenanceTotal = money(maintenance).wide();
  state.initialTotal = money(initial).wide();
  state.openOrderInitialTotal = money(openOrders).wide();
  return state;
}

TEST(SnapshotTest, HealthyAccount) {
  // Cash 10,000, U -1,500: E 8,500. MM 3,000, IM 6,000, open 1,000: AF = 8,500 - 6,000 - 1,000 = 1,500.
  const MarginSnapshot snapshot = snapshotOf(accountWith("10000", "-1500", "3000", "6000", "1000"));
  EXPECT_EQ(snapshot.cash, money("10000"));
  EXPECT_EQ(snapshot.unrealized, money("-1500"));
  EXPECT_EQ(snapshot.equity, money("8500"));
  EXPECT_EQ(snapshot.maintenance, money("3000"));
  EXPECT_EQ(snapshot.initial, money("6000"));
  EXPECT_EQ(snapshot.openOrderInitial, money("1000"));
  EXPECT_EQ(snapshot.availableFunds, money("1500"));
  EXPECT_EQ(snapshot.deficitToMaintenance, money("0"));
  EXPECT_EQ(snapshot.amountToCure, money("0"));
  EXPECT_FALSE(snapshot.healthUnbounded);
  EXPECT_EQ(snapshot.health, ratio("2.83333333"));  // 8,500 / 3,000 = 2.8333.. rounded down
}

TEST(SnapshotTest, AccountBelowMaintenance) {
  // Cash 4,000, U -1,000: E 3,000. MM 3,500, IM 7,000, open 500.
  const MarginSnapshot snapshot = snapshotOf(accountWith("4000", "-1000", "3500", "7000", "500"));
  EXPECT_EQ(snapshot.equity, money("3000"));
  EXPECT_EQ(snapshot.availableFunds, money("-4500"));        // 3,000 - 7,000 - 500
  EXPECT_EQ(snapshot.deficitToMaintenance, money("500"));    // 3,500 - 3,000
  EXPECT_EQ(snapshot.amountToCure, money("4000"));           // 7,000 - 3,000
  EXPECT_EQ(snapshot.health, ratio("0.85714285"));           // 3,000 / 3,500 = 0.857142857.. rounded down
}

TEST(SnapshotTest, NegativeEquityHealthRoundsTowardMinusInfinity) {
  // Cash 500, U -1,500: E -1,000; MM 3,000: health -0.3333.. -> -0.33333334 (down, not toward zero).
  MarginSnapshot snapshot = snapshotOf(accountWith("500", "-1500", "3000", "6000", "0"));
  EXPECT_EQ(snapshot.equity, money("-1000"));
  EXPECT_EQ(snapshot.deficitToMaintenance, money("4000"));  // 3,000 - (-1,000)
  EXPECT_EQ(snapshot.amountToCure, money("7000"));          // 6,000 - (-1,000)
  EXPECT_EQ(snapshot.health, ratio("-0.33333334"));
  // Exactly at maintenance: health 1, no deficit, cure = IM - E = 6,000 - 3,000 = 3,000.
  snapshot = snapshotOf(accountWith("3000", "0", "3000", "6000", "0"));
  EXPECT_EQ(snapshot.health, ratio("1"));
  EXPECT_EQ(snapshot.deficitToMaintenance, money("0"));
  EXPECT_EQ(snapshot.amountToCure, money("3000"));
}

TEST(SnapshotTest, HealthUnboundedWithoutPositions) {
  // Cash only: E = AF = 1,000, no requirement: health infinite.
  const MarginSnapshot snapshot = snapshotOf(accountWith("1000", "0", "0", "0", "0"));
  EXPECT_EQ(snapshot.equity, money("1000"));
  EXPECT_EQ(snapshot.availableFunds, money("1000"));
  EXPECT_EQ(snapshot.deficitToMaintenance, money("0"));
  EXPECT_EQ(snapshot.amountToCure, money("0"));
  EXPECT_TRUE(snapshot.healthUnbounded);
  EXPECT_EQ(snapshot.health, Ratio::max());
  // Open orders alone carry no maintenance: still unbounded, but they use available funds (1,000 - 300).
  const MarginSnapshot withOrders = snapshotOf(accountWith("1000", "0", "0", "0", "300"));
  EXPECT_TRUE(withOrders.healthUnbounded);
  EXPECT_EQ(withOrders.availableFunds, money("700"));
}

// ---------------------------------------------------------------------------------------------
// refreshPosition / valuationPrice: a position is valued at its average entry while there is no mark.

TEST(ValuationTest, PositionWithoutMarkIsValuedAtAverageEntry) {
  // The engine refuses risk-increasing orders without a mark, so this state cannot be reached through
  // RiskEngine inputs; it is exercised on the calculator directly.
  InstrumentState instrument;
  instrument.config = flatInstrument("FUT", "10", "0.10", "0.05");
  AccountState holder;
  holder.config = account("ACC", "10000");
  holder.cash = money("10000");
  PositionState position = positionOf("10", "10300");  // long 10, multiplier 10: average 10,300 / 100 = 103
  position.openBuy = qty("5");

  EXPECT_EQ(valuationPrice(instrument, position), px("103"));
  ASSERT_TRUE(refreshPosition(holder, position, instrument));
  // At 103: U = 10 * 10 * 103 - 10,300 = 0; N = 10,300: IM 1,030, MM 515;
  // open buy 5: IM(15) = 15 * 10 * 103 * 0.10 = 1,545, so 1,545 - 1,030 = 515.
  EXPECT_EQ(position.unrealized, money("0"));
  EXPECT_EQ(position.initial, money("1030"));
  EXPECT_EQ(position.maintenance, money("515"));
  EXPECT_EQ(position.openOrderInitial, money("515"));
  MarginSnapshot snapshot = snapshotOf(holder);
  EXPECT_EQ(snapshot.equity, money("10000"));
  EXPECT_EQ(snapshot.availableFunds, money("8455"));  // 10,000 - 1,030 - 515

  // A mark of 110 arrives: U = 11,000 - 10,300 = 700; N = 11,000: IM 1,100, MM 550; open: IM(15) 1,650 - 1,100 = 550.
  instrument.mark = Mark{px("110"), at(1)};
  EXPECT_EQ(valuationPrice(instrument, position), px("110"));
  ASSERT_TRUE(refreshPosition(holder, position, instrument));
  EXPECT_EQ(position.unrealized, money("700"));
  EXPECT_EQ(position.initial, money("1100"));
  EXPECT_EQ(position.maintenance, money("550"));
  EXPECT_EQ(position.openOrderInitial, money("550"));
  // The account totals follow the differences: E = 10,700, AF = 10,700 - 1,100 - 550 = 9,050.
  snapshot = snapshotOf(holder);
  EXPECT_EQ(snapshot.equity, money("10700"));
  EXPECT_EQ(snapshot.maintenance, money("550"));
  EXPECT_EQ(snapshot.availableFunds, money("9050"));
}

TEST(ValuationTest, FlatWithoutMarkIsValuedAtZero) {
  InstrumentState instrument;
  instrument.config = flatInstrument("FUT", "10", "0.10", "0.05");
  EXPECT_EQ(valuationPrice(instrument, PositionState{}), px("0"));
}

// ---------------------------------------------------------------------------------------------
// Through the engine: commissions, unrealized at the mark, realized into cash.

class MarginEngineTest : public EngineTest {
 protected:
  void SetUp() override {
    // FUT: multiplier 10, IM 10 %, MM 5 %. ACC: 10,000.
    config_.instruments.push_back(flatInstrument("FUT", "10", "0.10", "0.05"));
    config_.accounts.push_back(account("ACC", "10000"));
    start();
    markAt("FUT", "100", 0);
  }
};

TEST_F(MarginEngineTest, CommissionsAreDebitedAndUnrealizedFollowsTheMark) {
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  fill("o1", "10", "100", 1, "2.5");
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_EQ(first<FillApplied>().commission, money("2.5"));
  EXPECT_EQ(first<FillApplied>().realized, money("0"));
  // Cash 10,000 - 2.5 = 9,997.5; at mark 100: U 0; N 10,000: IM 1,000, MM 500.
  AccountReport r = report("ACC");
  EXPECT_EQ(r.snapshot.cash, money("9997.5"));
  EXPECT_EQ(r.snapshot.unrealized, money("0"));
  EXPECT_EQ(r.snapshot.equity, money("9997.5"));
  EXPECT_EQ(r.snapshot.initial, money("1000"));
  EXPECT_EQ(r.snapshot.maintenance, money("500"));
  EXPECT_EQ(r.snapshot.availableFunds, money("8997.5"));
  EXPECT_EQ(r.commissions, money("2.5"));

  // Mark 103: U = 10 * 10 * 3 = 300; E = 10,297.5; N = 10,300: IM 1,030, MM 515; AF = 9,267.5.
  markAt("FUT", "103", 2);
  r = report("ACC");
  EXPECT_EQ(r.snapshot.cash, money("9997.5"));
  EXPECT_EQ(r.snapshot.unrealized, money("300"));
  EXPECT_EQ(r.snapshot.equity, money("10297.5"));
  EXPECT_EQ(r.snapshot.initial, money("1030"));
  EXPECT_EQ(r.snapshot.maintenance, money("515"));
  EXPECT_EQ(r.snapshot.availableFunds, money("9267.5"));
  EXPECT_EQ(r.snapshot.health, ratio("19.99514563"));  // 10,297.5 / 515 = 19.995145631.. rounded down
  ASSERT_EQ(r.positions.size(), 1u);
  EXPECT_EQ(r.positions[0].averagePrice, px("100"));
  EXPECT_EQ(r.positions[0].unrealized, money("300"));

  // Sell 4 @ 104 with commission 1: removed basis 10,000 * 4 / 10 = 4,000; proceeds 4 * 10 * 104 = 4,160;
  // realized 160. Cash = 9,997.5 + 160 - 1 = 10,156.5. Left: long 6, basis 6,000 (avg 100);
  // at mark 103: U = 6 * 10 * 3 = 180; E = 10,336.5; N = 6,180: IM 618, MM 309.
  order("o2", "ACC", "FUT", Side::kSell, "4", "104", 3);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  fill("o2", "4", "104", 3, "1");
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_EQ(first<FillApplied>().realized, money("160"));
  EXPECT_EQ(first<FillApplied>().positionAfter, qty("6"));
  r = report("ACC");
  EXPECT_EQ(r.snapshot.cash, money("10156.5"));
  EXPECT_EQ(r.snapshot.unrealized, money("180"));
  EXPECT_EQ(r.snapshot.equity, money("10336.5"));
  EXPECT_EQ(r.snapshot.initial, money("618"));
  EXPECT_EQ(r.snapshot.maintenance, money("309"));
  EXPECT_EQ(r.positions[0].quantity, qty("6"));
  EXPECT_EQ(r.positions[0].averagePrice, px("100"));
  // Ledger: 10,000 + 0 - 0 + 160 - 3.5 = 10,156.5.
  EXPECT_EQ(r.realized, money("160"));
  EXPECT_EQ(r.commissions, money("3.5"));
  EXPECT_EQ(r.openingCash, money("10000"));
}

TEST_F(MarginEngineTest, ShortPositionUnrealizedAndFlipThroughTheEngine) {
  // Sell 5 @ 100: short 5, basis -5,000. Mark 98: U = -5 * 10 * 98 + 5,000 = 100.
  openPosition("s1", "ACC", "FUT", Side::kSell, "5", "100", 1);
  markAt("FUT", "98", 2);
  AccountReport r = report("ACC");
  EXPECT_EQ(r.positions.at(0).quantity, qty("-5"));
  EXPECT_EQ(r.positions.at(0).averagePrice, px("100"));
  EXPECT_EQ(r.snapshot.unrealized, money("100"));
  EXPECT_EQ(r.snapshot.initial, money("490"));  // 5 * 10 * 98 * 0.10
  // Buy 8 @ 98: covers 5 (realized 5 * 10 * (100 - 98) = 100), opens long 3 @ 98 (basis 2,940).
  order("b1", "ACC", "FUT", Side::kBuy, "8", "98", 3);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_TRUE(first<OrderAccepted>().riskIncreasing);  // it goes through zero
  fill("b1", "8", "98", 3);
  EXPECT_EQ(first<FillApplied>().realized, money("100"));
  EXPECT_EQ(first<FillApplied>().positionAfter, qty("3"));
  r = report("ACC");
  // Cash 10,100; U at 98 = 0; IM = 3 * 10 * 98 * 0.10 = 294.
  EXPECT_EQ(r.snapshot.cash, money("10100"));
  EXPECT_EQ(r.snapshot.unrealized, money("0"));
  EXPECT_EQ(r.snapshot.initial, money("294"));
  EXPECT_EQ(r.positions.at(0).averagePrice, px("98"));
}

}  // namespace
}  // namespace risk::testing
