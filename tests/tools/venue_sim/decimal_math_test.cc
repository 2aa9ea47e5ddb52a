// Exact average prices and random walk specifications.

#include <gtest/gtest.h>

#include "tools/venue_sim/decimal_math.h"
#include "tools/venue_sim/random_walk.h"

namespace venue_sim {
namespace {

TEST(DecimalMathTest, AveragePriceRoundsHalfEvenAtEightPlaces) {
  // 1 @ 0.00000001 + 1 @ 0.00000002 -> 0.000000015 -> 0.00000002 (even)
  EXPECT_EQ(averagePrice(notional(1, kDecimalScale) + notional(2, kDecimalScale), 2 * kDecimalScale), 2);
  // 1 @ 0.00000002 + 1 @ 0.00000003 -> 0.000000025 -> 0.00000002 (even)
  EXPECT_EQ(averagePrice(notional(2, kDecimalScale) + notional(3, kDecimalScale), 2 * kDecimalScale), 2);
  // 300.02 / 3 = 100.00666666.. -> 100.00666667
  EXPECT_EQ(averagePrice(notional(10000000000, kDecimalScale) + 2 * notional(10001000000, kDecimalScale),
                         3 * kDecimalScale),
            10000666667);
  EXPECT_EQ(averagePrice(0, 0), 0);
  EXPECT_EQ(divideHalfEven(-5, 2), -2);
  EXPECT_EQ(divideHalfEven(-7, 2), -4);
}

TEST(DecimalMathTest, LargeNotionalsDoNotOverflow) {
  const std::int64_t price = 9000000000000000000;  // 90,000,000,000
  const std::int64_t quantity = 5000000000000000;  // 50,000,000
  EXPECT_EQ(averagePrice(notional(price, quantity) * 2, quantity * 2), price);
}

TEST(RandomWalkTest, ParsesSpecsAndStaysOnTicks) {
  const RandomWalkSpec spec = parseRandomWalkSpec("AAPL:190.5:0.05");
  EXPECT_EQ(spec.symbol, "AAPL");
  EXPECT_EQ(spec.start, 19050000000);
  EXPECT_EQ(spec.tick, 5000000);
  EXPECT_EQ(parseRandomWalkSpec("X:10").tick, 1000000);
  EXPECT_THROW(parseRandomWalkSpec("AAPL"), std::invalid_argument);
  EXPECT_THROW(parseRandomWalkSpec("AAPL:abc"), std::invalid_argument);
  EXPECT_THROW(parseRandomWalkSpec("AAPL:1:0"), std::invalid_argument);

  RandomWalks walks({spec}, 7);
  RandomWalks same({spec}, 7);
  for (int i = 0; i < 50; ++i) {
    const MarketUpdate update = walks.step().front();
    EXPECT_EQ(update.changes.last, same.step().front().changes.last);
    EXPECT_EQ((update.changes.last - spec.start) % spec.tick, 0);
    EXPECT_EQ(update.changes.ask - update.changes.last, spec.tick);
    EXPECT_EQ(update.changes.last - update.changes.bid, spec.tick);
  }
}

}  // namespace
}  // namespace venue_sim
