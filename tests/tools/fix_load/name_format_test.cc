#include "tools/fix_load/name_format.h"

#include <gtest/gtest.h>

namespace fix_load {
namespace {

TEST(NameFormatTest, ExpandsEveryPlaceholder) {
  EXPECT_EQ(expandFormat("LOAD{n}", 7), "LOAD7");
  EXPECT_EQ(expandFormat("load-{n}", 123), "load-123");
  EXPECT_EQ(expandFormat("{n}-{n}", 2), "2-2");
  EXPECT_EQ(expandFormat("ACC", 5), "ACC");
  EXPECT_EQ(expandFormat("{n", 5), "{n");
  EXPECT_EQ(expandFormat("", 5), "");
}

TEST(NameFormatTest, ClOrdIdCarriesStepAndIndex) {
  const std::string id = formatClOrdId("Labc", 3, 120045);
  EXPECT_EQ(id, "Labc-3-120045");
  int step = 0;
  std::int64_t index = 0;
  ASSERT_TRUE(parseClOrdId(id, "Labc", step, index));
  EXPECT_EQ(step, 3);
  EXPECT_EQ(index, 120045);
}

TEST(NameFormatTest, RefusesOtherClOrdIds) {
  int step = 0;
  std::int64_t index = 0;
  EXPECT_FALSE(parseClOrdId("Lxyz-3-1", "Labc", step, index));  // another run
  EXPECT_FALSE(parseClOrdId("Labc-3-", "Labc", step, index));
  EXPECT_FALSE(parseClOrdId("Labc-3", "Labc", step, index));
  EXPECT_FALSE(parseClOrdId("Labc-x-1", "Labc", step, index));
  EXPECT_FALSE(parseClOrdId("Labc-1-1a", "Labc", step, index));
  EXPECT_FALSE(parseClOrdId("Labc1-1-1", "Labc", step, index));
  EXPECT_FALSE(parseClOrdId("LIQ-MC-2-1", "Labc", step, index));
}

TEST(NameFormatTest, RunTagsDiffer) {
  const std::string first = makeRunTag();
  EXPECT_EQ(first[0], 'L');
  EXPECT_EQ(first.find('-'), std::string::npos);
}

TEST(NameFormatTest, ParsesRateLists) {
  std::vector<double> rates;
  std::string error;
  ASSERT_TRUE(parseRateList("1000,2000,5k,10K,2.5k", rates, error));
  EXPECT_EQ(rates, (std::vector<double>{1000, 2000, 5000, 10000, 2500}));
  EXPECT_FALSE(parseRateList("1000,,2000", rates, error));
  EXPECT_NE(error.find("''"), std::string::npos);
  EXPECT_FALSE(parseRateList("1000,-5", rates, error));
  EXPECT_FALSE(parseRateList("fast", rates, error));
  EXPECT_FALSE(parseRateList("0", rates, error));
}

TEST(NameFormatTest, PositiveDecimals) {
  EXPECT_TRUE(isPositiveDecimal("1"));
  EXPECT_TRUE(isPositiveDecimal("0.01"));
  EXPECT_TRUE(isPositiveDecimal("190.5"));
  EXPECT_FALSE(isPositiveDecimal("0"));
  EXPECT_FALSE(isPositiveDecimal("0.00"));
  EXPECT_FALSE(isPositiveDecimal("-1"));
  EXPECT_FALSE(isPositiveDecimal("1.2.3"));
  EXPECT_FALSE(isPositiveDecimal("1e3"));
  EXPECT_FALSE(isPositiveDecimal(""));
  EXPECT_FALSE(isPositiveDecimal("."));
}

}  // namespace
}  // namespace fix_load
