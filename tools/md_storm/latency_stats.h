#pragma once

// Percentiles of latency samples (nanoseconds in, microseconds out). Nearest rank: the p-th
// percentile of n sorted samples is the ceil(p x n)-th. C++14-clean.

#include <cstdint>
#include <vector>

namespace md_storm {

struct LatencySummary {
  std::size_t samples = 0;
  double minMicros = 0;
  double p50Micros = 0;
  double p90Micros = 0;
  double p99Micros = 0;
  double p999Micros = 0;  // 99.9th
  double maxMicros = 0;
  double meanMicros = 0;
};

// Empty input gives all zeros.
LatencySummary summarize(std::vector<std::int64_t> nanos);

// The nearest-rank percentile (0 < percent <= 100) of sorted samples; 0 when empty.
std::int64_t percentileOfSorted(const std::vector<std::int64_t>& sorted, double percent);

}  // namespace md_storm
