#pragma once

// Time arrives in the core as data: every input carries the time at which it happened.
// The core never reads a clock.

#include <compare>
#include <cstdint>

namespace risk {

struct Duration {
  int64_t nanos = 0;

  static constexpr Duration fromMillis(int64_t millis) { return {millis * 1'000'000}; }
  static constexpr Duration fromSeconds(int64_t seconds) { return {seconds * 1'000'000'000}; }
  friend constexpr auto operator<=>(Duration, Duration) = default;
};

// Nanoseconds since the Unix epoch, UTC.
struct Timestamp {
  int64_t nanos = 0;

  friend constexpr auto operator<=>(Timestamp, Timestamp) = default;
  friend constexpr Timestamp operator+(Timestamp t, Duration d) { return {t.nanos + d.nanos}; }
  friend constexpr Duration operator-(Timestamp a, Timestamp b) { return {a.nanos - b.nanos}; }
};

}  // namespace risk
