// Percentiles by nearest rank, and the breach book shared by the storm and client threads.
#include <gtest/gtest.h>

#include <vector>

#include "tools/md_storm/breach_book.h"
#include "tools/md_storm/latency_stats.h"

namespace md_storm {
namespace {

TEST(LatencyStatsTest, NearestRankPercentiles) {
  std::vector<std::int64_t> nanos;
  for (int i = 100; i >= 1; --i) nanos.push_back(i * 1000);  // 1..100 us, unsorted
  const LatencySummary summary = summarize(nanos);
  EXPECT_EQ(summary.samples, 100u);
  EXPECT_DOUBLE_EQ(summary.minMicros, 1);
  EXPECT_DOUBLE_EQ(summary.p50Micros, 50);
  EXPECT_DOUBLE_EQ(summary.p90Micros, 90);
  EXPECT_DOUBLE_EQ(summary.p99Micros, 99);
  EXPECT_DOUBLE_EQ(summary.maxMicros, 100);
  EXPECT_DOUBLE_EQ(summary.meanMicros, 50.5);
}

TEST(LatencyStatsTest, FewSamples) {
  const LatencySummary five = summarize({5000, 1000, 4000, 2000, 3000});
  EXPECT_DOUBLE_EQ(five.p50Micros, 3);  // ceil(2.5) = 3rd
  EXPECT_DOUBLE_EQ(five.p90Micros, 5);
  EXPECT_DOUBLE_EQ(five.p99Micros, 5);
  const LatencySummary none = summarize({});
  EXPECT_EQ(none.samples, 0u);
  EXPECT_DOUBLE_EQ(none.p99Micros, 0);
}

TEST(BreachBookTest, AnAnswerGoesToTheOpenBreachOnly) {
  BreachBook book(3);
  book.onCall(5);  // nothing open: stray
  EXPECT_EQ(book.strayCalls(), 1u);
  book.open(0);
  book.onCall(10);
  book.onCall(11);  // a second AX for the same breach: stray, the first time stays
  EXPECT_TRUE(book.answered(0));
  EXPECT_EQ(book.callTime(0), 10);
  EXPECT_EQ(book.strayCalls(), 2u);
  book.close();
  book.open(1);
  book.close();  // a miss
  book.onCall(20);
  EXPECT_FALSE(book.answered(1));
  EXPECT_EQ(book.strayCalls(), 3u);
  book.onBackToNormal();
  EXPECT_EQ(book.backToNormalCount(), 1u);
  EXPECT_EQ(book.callTime(7), 0);  // beyond capacity
}

}  // namespace
}  // namespace md_storm
