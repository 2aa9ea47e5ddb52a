#include "tools/fix_load/latency_stats.h"

#include <gtest/gtest.h>

namespace fix_load {
namespace {

TEST(LatencyStatsTest, NearestRankOnHundredSamples) {
  std::vector<std::int64_t> sorted;
  for (int i = 1; i <= 100; ++i) sorted.push_back(i * 1000);  // 1..100 us
  // p50: rank ceil(0.5 x 100) = 50 -> 50 us; p90: rank 90; p99: rank 99; p99.9: ceil(99.9) = 100.
  EXPECT_EQ(nearestRank(sorted, 50), 50000);
  EXPECT_EQ(nearestRank(sorted, 90), 90000);
  EXPECT_EQ(nearestRank(sorted, 99), 99000);
  EXPECT_EQ(nearestRank(sorted, 99.9), 100000);
  EXPECT_EQ(nearestRank(sorted, 100), 100000);
}

TEST(LatencyStatsTest, NearestRankOnThousandSamples) {
  std::vector<std::int64_t> sorted;
  for (int i = 1; i <= 1000; ++i) sorted.push_back(i);
  // p99.9 of 1000: rank 0.999 x 1000 = 999 exactly (not 1000 through rounding).
  EXPECT_EQ(nearestRank(sorted, 99.9), 999);
  EXPECT_EQ(nearestRank(sorted, 50), 500);
}

TEST(LatencyStatsTest, SmallSetsUseRankOneAtLeast) {
  const std::vector<std::int64_t> one{7};
  EXPECT_EQ(nearestRank(one, 50), 7);
  EXPECT_EQ(nearestRank(one, 99.9), 7);
  EXPECT_EQ(nearestRank({}, 50), 0);
}

TEST(LatencyStatsTest, SummarizesUnsortedSamples) {
  // 10 samples in us: 5 1 4 2 3 10 9 8 7 6 -> sorted 1..10.
  std::vector<std::int64_t> samples{5000, 1000, 4000, 2000, 3000, 10000, 9000, 8000, 7000, 6000};
  const LatencySummary s = summarizeLatencies(samples);
  EXPECT_EQ(s.samples, 10);
  EXPECT_DOUBLE_EQ(s.minUs, 1.0);
  EXPECT_DOUBLE_EQ(s.p50Us, 5.0);   // rank 5
  EXPECT_DOUBLE_EQ(s.p90Us, 9.0);   // rank 9
  EXPECT_DOUBLE_EQ(s.p99Us, 10.0);  // rank ceil(9.9) = 10
  EXPECT_DOUBLE_EQ(s.p999Us, 10.0);
  EXPECT_DOUBLE_EQ(s.maxUs, 10.0);
  EXPECT_DOUBLE_EQ(s.meanUs, 5.5);  // 55 / 10
  EXPECT_EQ(samples.front(), 1000);  // sorted in place
}

TEST(LatencyStatsTest, EmptyIsAllZero) {
  std::vector<std::int64_t> none;
  const LatencySummary s = summarizeLatencies(none);
  EXPECT_EQ(s.samples, 0);
  EXPECT_EQ(s.maxUs, 0);
}

TEST(LatencyStatsTest, SummarizesTheStormsUnsortedSamples) {
  std::vector<std::int64_t> nanos;
  for (int i = 100; i >= 1; --i) nanos.push_back(i * 1000);  // 1..100 us, unsorted
  const LatencySummary summary = summarizeLatencies(nanos);
  EXPECT_EQ(summary.samples, 100);
  EXPECT_DOUBLE_EQ(summary.minUs, 1);
  EXPECT_DOUBLE_EQ(summary.p50Us, 50);
  EXPECT_DOUBLE_EQ(summary.p90Us, 90);
  EXPECT_DOUBLE_EQ(summary.p99Us, 99);
  EXPECT_DOUBLE_EQ(summary.maxUs, 100);
  EXPECT_DOUBLE_EQ(summary.meanUs, 50.5);
}

TEST(LatencyStatsTest, SummarizesFewSamplesAndNone) {
  std::vector<std::int64_t> fiveNanos{5000, 1000, 4000, 2000, 3000};
  const LatencySummary five = summarizeLatencies(fiveNanos);
  EXPECT_DOUBLE_EQ(five.p50Us, 3);  // ceil(2.5) = 3rd
  EXPECT_DOUBLE_EQ(five.p90Us, 5);
  EXPECT_DOUBLE_EQ(five.p99Us, 5);
  std::vector<std::int64_t> noNanos;
  const LatencySummary none = summarizeLatencies(noNanos);
  EXPECT_EQ(none.samples, 0);
  EXPECT_DOUBLE_EQ(none.p99Us, 0);
}

}  // namespace
}  // namespace fix_load
