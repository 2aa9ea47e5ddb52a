#include "risk/fixed_point.h"

#include <gtest/gtest.h>

namespace risk {
namespace {

TEST(FixedPointTest, ParsesAndFormatsExactly) {
  const auto parsed = Price::parse("101.25");
  ASSERT_TRUE(parsed.value);
  EXPECT_EQ(parsed.value->raw(), 10'125'000'000);
  EXPECT_EQ(parsed.value->toString(), "101.25");
}

}  // namespace
}  // namespace risk
