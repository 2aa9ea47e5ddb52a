// The order flow's book: ClOrdIDs carry the send index, the first report of each order counts,
// latencies are taken from the intended (open-loop) send times, and the tally adds up.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tools/md_storm/flow_book.h"

namespace md_storm {
namespace {

TEST(FlowBookTest, ClOrdIdsCarryTheSendIndex) {
  std::uint64_t index = 0;
  EXPECT_EQ(flowClOrdId(42), "FLOW-42");
  EXPECT_TRUE(parseFlowClOrdId("FLOW-42", index));
  EXPECT_EQ(index, 42u);
  EXPECT_TRUE(parseFlowClOrdId("FLOW-0", index));
  EXPECT_EQ(index, 0u);
  EXPECT_FALSE(parseFlowClOrdId("FLOW-", index));
  EXPECT_FALSE(parseFlowClOrdId("FLOW-4x", index));
  EXPECT_FALSE(parseFlowClOrdId("SETUP-1", index));
  EXPECT_FALSE(parseFlowClOrdId("FLOW-123456789012345678901", index));
}

TEST(FlowBookTest, DueTimesAreOpenLoop) {
  EXPECT_EQ(flowDueTime(1000, 1000, 0), 1000);
  EXPECT_EQ(flowDueTime(1000, 1000, 1), 1000 + 1000000);
  EXPECT_EQ(flowDueTime(0, 3, 1), 333333333);
  EXPECT_EQ(flowDueTime(0, 3, 4), 1333333333);
  EXPECT_EQ(flowDueTime(0, 1000, 5000000000ULL), 5000000LL * 1000000000LL);  // no overflow
}

TEST(FlowBookTest, FirstReportCountsAndTheTallyAddsUp) {
  FlowBook book;
  const std::int64_t start = 5000;
  const std::int64_t rate = 1000;  // order n due at start + n ms
  for (std::uint64_t n = 0; n < 4; ++n) book.sending(n);
  book.sending(4);
  book.sendFailed(4);
  book.onReport(0, start + 300000, false);
  book.onReport(0, start + 900000, false);  // the Canceled after the New: ignored
  book.onReport(1, start + 1000000 + 500000, true);
  book.onReport(2, start + 2000000 + 200000, false);
  book.onReport(7, start, false);  // never sent
  book.onReport(4, start, false);  // its send failed
  EXPECT_FALSE(book.waitForAnswers(std::chrono::milliseconds(1)));

  const FlowTally tally = book.tally();
  EXPECT_EQ(tally.sent, 4u);
  EXPECT_EQ(tally.sendFailures, 1u);
  EXPECT_EQ(tally.answered, 3u);
  EXPECT_EQ(tally.rejected, 1u);
  EXPECT_EQ(tally.lost, 1u);
  EXPECT_EQ(tally.strayReports, 2u);
  const std::vector<std::int64_t> latencies = book.latencies(start, rate);
  ASSERT_EQ(latencies.size(), 3u);
  EXPECT_EQ(latencies[0], 300000);
  EXPECT_EQ(latencies[1], 500000);
  EXPECT_EQ(latencies[2], 200000);
}

TEST(FlowBookTest, WaitForAnswersWakesWhenTheLastOneArrives) {
  FlowBook book;
  book.sending(0);
  book.sending(1);
  book.onReport(0, 10, false);
  std::thread answerer([&book] { book.onReport(1, 20, false); });
  EXPECT_TRUE(book.waitForAnswers(std::chrono::seconds(30)));
  answerer.join();
  EXPECT_EQ(book.tally().lost, 0u);
}

}  // namespace
}  // namespace md_storm
