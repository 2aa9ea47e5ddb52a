#include "tools/calllog/time_text.h"

#include <gtest/gtest.h>

#include "tests/tools/calllog/calllog_test_support.h"

namespace calllog {
namespace {

using calllog_test::at;
using calllog_test::kDay;

TEST(TimeTextTest, FormatsUtcWithMillisecondsRoundedDown) {
  EXPECT_EQ(formatUtcMillis(0), "1970-01-01T00:00:00.000Z");
  // 01:02:03.456789 is shown to the millisecond below.
  EXPECT_EQ(formatUtcMillis(at(1, 2, 3, 456) + 789'000), "2026-11-24T01:02:03.456Z");
  EXPECT_EQ(formatUtcMillis(kDay - 1), "2026-11-23T23:59:59.999Z");
  EXPECT_EQ(formatUtcDate(at(23, 59, 59, 999)), "2026-11-24");
  EXPECT_EQ(formatUtcDate(kDay + kNanosPerDay), "2026-11-25");
}

TEST(TimeTextTest, ReadsDatesAsTheDaysStart) {
  EXPECT_EQ(parseUtcTime("2026-11-24"), kDay);
  EXPECT_EQ(parseUtcDate("2026-11-24"), kDay);
  EXPECT_EQ(parseUtcDate("1970-01-01"), 0);
  // 2028 is a leap year: 29 February exists; 2026 has none.
  EXPECT_TRUE(parseUtcDate("2028-02-29").has_value());
  EXPECT_FALSE(parseUtcDate("2026-02-29").has_value());
  EXPECT_FALSE(parseUtcDate("2026-02-30").has_value());
  EXPECT_FALSE(parseUtcDate("2026-13-01").has_value());
  EXPECT_FALSE(parseUtcDate("2026-11-24T00:00:00Z").has_value());
  EXPECT_FALSE(parseUtcDate("26-11-24").has_value());
  EXPECT_FALSE(parseUtcDate("1969-12-31").has_value());
}

TEST(TimeTextTest, ReadsIsoTimesWithOrWithoutFractionAndZ) {
  EXPECT_EQ(parseUtcTime("2026-11-24T01:02:03.456Z"), at(1, 2, 3, 456));
  EXPECT_EQ(parseUtcTime("2026-11-24T01:02:03.456"), at(1, 2, 3, 456));
  EXPECT_EQ(parseUtcTime("2026-11-24T01:02:03Z"), at(1, 2, 3));
  EXPECT_EQ(parseUtcTime("2026-11-24T01:02:03.5Z"), at(1, 2, 3, 500));
  EXPECT_EQ(parseUtcTime("2026-11-24T01:02:03.000000007Z"), at(1, 2, 3) + 7);
  EXPECT_EQ(parseUtcTime("2026-11-24T23:59:59.999Z"), at(23, 59, 59, 999));
}

TEST(TimeTextTest, RefusesMalformedTimes) {
  for (const char* text : {"", "2026-11-24T", "2026-11-24T01:02", "2026-11-24T01:02:03.", "2026-11-24T24:00:00Z",
                           "2026-11-24T01:60:00Z", "2026-11-24T01:02:60Z", "2026-11-24T01:02:03.1234567891Z",
                           "2026-11-24 01:02:03Z", "2026-11-24T01:02:03ZZ", "2026-11-24T01:02:03+01:00",
                           "2026-11-24Z", "yesterday"}) {
    EXPECT_FALSE(parseUtcTime(text).has_value()) << text;
  }
}

TEST(TimeTextTest, FormattedTimesReadBack) {
  const std::int64_t time = at(13, 14, 15, 678);
  EXPECT_EQ(parseUtcTime(formatUtcMillis(time)), time);
  EXPECT_EQ(utcDayStart(time), kDay);
  EXPECT_EQ(utcDayStart(kDay), kDay);
}

}  // namespace
}  // namespace calllog
