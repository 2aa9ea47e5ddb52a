#pragma once

// UTC times as calllog prints and reads them: ISO-8601 with milliseconds
// ("2026-11-24T01:02:03.456Z") and plain dates ("2026-11-24"). Times are int64 nanoseconds since
// the Unix epoch, as the store keeps them.

#include <cstdint>
#include <optional>
#include <string>

namespace calllog {

constexpr std::int64_t kNanosPerDay = 86'400'000'000'000;

// "2026-11-24T01:02:03.456Z" (rounded down to the millisecond).
std::string formatUtcMillis(std::int64_t ns);

// "2026-11-24": the UTC date the time falls on.
std::string formatUtcDate(std::int64_t ns);

// Reads "YYYY-MM-DD" (that day's start, UTC) or "YYYY-MM-DDTHH:MM:SS[.f...][Z]" (always UTC; up to
// 9 fraction digits). Years 1970 to 2261. Returns nothing for anything else, including impossible
// dates ("2026-02-30") and times ("24:00:00").
std::optional<std::int64_t> parseUtcTime(const std::string& text);

// Reads exactly "YYYY-MM-DD" and returns that day's start (UTC).
std::optional<std::int64_t> parseUtcDate(const std::string& text);

// The start (UTC midnight) of the day `ns` falls on.
std::int64_t utcDayStart(std::int64_t ns);

}  // namespace calllog
