#include "tools/calllog/time_text.h"

#include <chrono>
#include <cstdio>

namespace calllog {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr std::int64_t kNanosPerMilli = 1'000'000;
constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr int kMinYear = 1970;
constexpr int kMaxYear = 2261;  // int64 nanoseconds reach April 2262
constexpr std::size_t kDateLength = 10;  // YYYY-MM-DD
constexpr std::size_t kMaxFractionDigits = 9;

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  if (value % divisor != 0 && value < 0) --quotient;
  return quotient;
}

std::chrono::year_month_day dateOf(std::int64_t ns) {
  return std::chrono::year_month_day(sys_days(days(floorDiv(ns, kNanosPerDay))));
}

// Reads `count` digits at `pos`; nothing if any is not a digit.
std::optional<int> digits(const std::string& text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<std::int64_t> dayStartFromPrefix(const std::string& text) {
  if (text.size() < kDateLength || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::optional<int> year = digits(text, 0, 4);
  const std::optional<int> month = digits(text, 5, 2);
  const std::optional<int> day = digits(text, 8, 2);
  if (!year || !month || !day || *year < kMinYear || *year > kMaxYear) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return static_cast<std::int64_t>(sys_days(date).time_since_epoch().count()) * kNanosPerDay;
}

}  // namespace

std::string formatUtcMillis(std::int64_t ns) {
  const std::int64_t dayStart = utcDayStart(ns);
  const std::chrono::year_month_day date = dateOf(ns);
  const std::int64_t intoDay = ns - dayStart;
  const std::int64_t millis = intoDay / kNanosPerMilli;
  const std::int64_t seconds = millis / 1000;
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60), static_cast<long long>(millis % 1000));
  return text;
}

std::string formatUtcDate(std::int64_t ns) {
  const std::chrono::year_month_day date = dateOf(ns);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::int64_t utcDayStart(std::int64_t ns) { return floorDiv(ns, kNanosPerDay) * kNanosPerDay; }

std::optional<std::int64_t> parseUtcDate(const std::string& text) {
  if (text.size() != kDateLength) return std::nullopt;
  return dayStartFromPrefix(text);
}

std::optional<std::int64_t> parseUtcTime(const std::string& text) {
  const std::optional<std::int64_t> dayStart = dayStartFromPrefix(text);
  if (!dayStart) return std::nullopt;
  if (text.size() == kDateLength) return dayStart;
  // THH:MM:SS
  if (text.size() < kDateLength + 9 || text[kDateLength] != 'T' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const std::optional<int> hours = digits(text, 11, 2);
  const std::optional<int> minutes = digits(text, 14, 2);
  const std::optional<int> seconds = digits(text, 17, 2);
  if (!hours || !minutes || !seconds || *hours > 23 || *minutes > 59 || *seconds > 59) return std::nullopt;
  std::size_t pos = kDateLength + 9;
  std::int64_t fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t count = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (++count > kMaxFractionDigits) return std::nullopt;
      fraction = fraction * 10 + (text[pos] - '0');
      ++pos;
    }
    if (count == 0) return std::nullopt;
    for (std::size_t i = count; i < kMaxFractionDigits; ++i) fraction *= 10;
  }
  if (pos < text.size() && text[pos] == 'Z') ++pos;
  if (pos != text.size()) return std::nullopt;
  return *dayStart + ((*hours * 60LL + *minutes) * 60LL + *seconds) * kNanosPerSecond + fraction;
}

}  // namespace calllog
