#pragma once

// The one clock md-storm reads: steady-clock nanoseconds, for both ends of every latency.

#include <chrono>
#include <cstdint>

namespace md_storm {

inline std::int64_t steadyNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace md_storm
