#include "tools/fix_load/rate_search.h"

#include <gtest/gtest.h>

#include <functional>

namespace fix_load {
namespace {

// Runs the search against a system that sustains every rate up to `capacity`; returns the rates tried.
std::vector<double> drive(RateSearch& search, double capacity) {
  std::vector<double> tried;
  double rate = 0;
  while (search.next(rate)) {
    tried.push_back(rate);
    search.record(rate, rate <= capacity);
    if (tried.size() > 100) break;
  }
  return tried;
}

TEST(RateSearchTest, FixedListRunsEveryRate) {
  RateSearch search({1000, 2000, 5000, 10000});
  EXPECT_EQ(drive(search, 6000), (std::vector<double>{1000, 2000, 5000, 10000}));
  EXPECT_EQ(search.best(), 5000);
}

TEST(RateSearchTest, DoublesThenBisects) {
  RateSearch search(1000, 1000000, 0.05);
  // 1000, 2000, 4000, 8000 pass; 16000 fails; then 12000 pass, 14000 fail, 13000 pass: 14000 - 13000
  // = 1000 > 0.05 x 13000 = 650, so 13500 fails; 13500 - 13000 = 500 <= 650: done at 13000.
  EXPECT_EQ(drive(search, 13000),
            (std::vector<double>{1000, 2000, 4000, 8000, 16000, 12000, 14000, 13000, 13500}));
  EXPECT_EQ(search.best(), 13000);
}

TEST(RateSearchTest, StopsAtTheMaximum) {
  RateSearch search(1000, 3000, 0.05);
  EXPECT_EQ(drive(search, 1e9), (std::vector<double>{1000, 2000, 3000}));
  EXPECT_EQ(search.best(), 3000);
}

TEST(RateSearchTest, HalvesWhenTheStartFails) {
  RateSearch search(1000, 100000, 0.25);
  // 1000 fails, 500 fails, 250 passes; then 375 (>250 x 1.25 = 312.5 apart? 500 - 250 = 250 > 62.5):
  // 375 passes; 500 - 375 = 125 > 93.75: 438 fails; 438 - 375 = 63 <= 93.75: done.
  EXPECT_EQ(drive(search, 400), (std::vector<double>{1000, 500, 250, 375, 438}));
  EXPECT_EQ(search.best(), 375);
}

TEST(RateSearchTest, NothingSustained) {
  RateSearch search(4, 100, 0.05);
  drive(search, 0);
  EXPECT_EQ(search.best(), 0);
}

}  // namespace
}  // namespace fix_load
