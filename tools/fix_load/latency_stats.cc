#include "tools/fix_load/latency_stats.h"

#include <algorithm>
#include <cmath>

namespace fix_load {
namespace {

double toUs(std::int64_t ns) { return static_cast<double>(ns) / 1000.0; }

}  // namespace

std::int64_t nearestRank(const std::vector<std::int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double n = static_cast<double>(sorted.size());
  // The small epsilon keeps p x n that is a whole number in theory (99.9 x 1000) from rounding up.
  auto rank = static_cast<std::int64_t>(std::ceil(p / 100.0 * n - 1e-9));
  rank = std::max<std::int64_t>(1, std::min<std::int64_t>(rank, static_cast<std::int64_t>(sorted.size())));
  return sorted[static_cast<std::size_t>(rank - 1)];
}

LatencySummary summarizeLatencies(std::vector<std::int64_t>& samplesNs) {
  LatencySummary summary;
  if (samplesNs.empty()) return summary;
  std::sort(samplesNs.begin(), samplesNs.end());
  summary.samples = static_cast<std::int64_t>(samplesNs.size());
  summary.p50Us = toUs(nearestRank(samplesNs, 50));
  summary.p90Us = toUs(nearestRank(samplesNs, 90));
  summary.p99Us = toUs(nearestRank(samplesNs, 99));
  summary.p999Us = toUs(nearestRank(samplesNs, 99.9));
  summary.minUs = toUs(samplesNs.front());
  summary.maxUs = toUs(samplesNs.back());
  long double total = 0;
  for (std::int64_t sample : samplesNs) total += sample;
  summary.meanUs = static_cast<double>(total / samplesNs.size()) / 1000.0;
  return summary;
}

}  // namespace fix_load
