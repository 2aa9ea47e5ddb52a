// The breach book shared by the storm and client threads (the percentiles are fix-load's:
// tests/tools/fix_load/latency_stats_test.cc).
#include <gtest/gtest.h>

#include <vector>

#include "tools/md_storm/breach_book.h"

namespace md_storm {
namespace {

TEST(BreachBookTest, AnAnswerGoesToTheOpenBreachOnly) {
  BreachBook book(3);
  book.onCall(5);  // nothing open: stray
  EXPECT_EQ(book.strayCalls(), 1u);
  book.open(0);
  book.onCall(10);
  book.onCall(11);  // a second AX for the same breach: stray, the first time stays
  EXPECT_TRUE(book.answered(0));
  EXPECT_EQ(book.callTime(0), 10);
  EXPECT_EQ(book.strayCalls(), 2u);
  book.close();
  book.open(1);
  book.close();  // a miss
  book.onCall(20);
  EXPECT_FALSE(book.answered(1));
  EXPECT_EQ(book.strayCalls(), 3u);
  book.onBackToNormal();
  EXPECT_EQ(book.backToNormalCount(), 1u);
  EXPECT_EQ(book.callTime(7), 0);  // beyond capacity
}

}  // namespace
}  // namespace md_storm
