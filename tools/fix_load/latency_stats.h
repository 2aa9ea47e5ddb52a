#pragma once

// Latency statistics from every sample (nanoseconds), by sorting: 100 k samples sort in
// milliseconds. Percentiles use the nearest rank: the p-th percentile of n sorted samples is the
// sample at rank ceil(p / 100 * n) (1-based).

#include <cstdint>
#include <vector>

namespace fix_load {

struct LatencySummary {
  std::int64_t samples = 0;
  double p50Us = 0;
  double p90Us = 0;
  double p99Us = 0;
  double p999Us = 0;
  double maxUs = 0;
  double minUs = 0;
  double meanUs = 0;
};

// The sample at nearest rank for percentile `p` (0 < p <= 100) of sorted `samples`; 0 when empty.
std::int64_t nearestRank(const std::vector<std::int64_t>& sorted, double p);

// Sorts `samplesNs` in place and summarizes it (all zero when empty).
LatencySummary summarizeLatencies(std::vector<std::int64_t>& samplesNs);

}  // namespace fix_load
