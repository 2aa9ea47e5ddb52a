#include "tools/md_storm/latency_stats.h"

#include <algorithm>
#include <cmath>

namespace md_storm {
namespace {

double micros(std::int64_t nanos) { return static_cast<double>(nanos) / 1000.0; }

}  // namespace

std::int64_t percentileOfSorted(const std::vector<std::int64_t>& sorted, double percent) {
  if (sorted.empty()) return 0;
  const double rank = std::ceil(percent / 100.0 * static_cast<double>(sorted.size()));
  std::size_t index = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
  if (index >= sorted.size()) index = sorted.size() - 1;
  return sorted[index];
}

LatencySummary summarize(std::vector<std::int64_t> nanos) {
  LatencySummary summary;
  if (nanos.empty()) return summary;
  std::sort(nanos.begin(), nanos.end());
  summary.samples = nanos.size();
  summary.minMicros = micros(nanos.front());
  summary.p50Micros = micros(percentileOfSorted(nanos, 50));
  summary.p90Micros = micros(percentileOfSorted(nanos, 90));
  summary.p99Micros = micros(percentileOfSorted(nanos, 99));
  summary.p999Micros = micros(percentileOfSorted(nanos, 99.9));
  summary.maxMicros = micros(nanos.back());
  double total = 0;
  for (std::int64_t value : nanos) total += static_cast<double>(value);
  summary.meanMicros = total / static_cast<double>(nanos.size()) / 1000.0;
  return summary;
}

}  // namespace md_storm
