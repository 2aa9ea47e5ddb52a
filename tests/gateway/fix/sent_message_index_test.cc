// The index of messages sent to the venue, which resolves a session Reject's RefSeqNum.

#include <gtest/gtest.h>

#include "gateway/fix/sent_message_index.h"

namespace gateway {
namespace fix {
namespace {

SentMessage order(const std::string& clOrdId) {
  SentMessage message;
  message.clOrdId = clOrdId;
  message.msgType = "D";
  return message;
}

TEST(SentMessageIndex, FindsByMsgSeqNumAndForgetsTheOldestBeyondItsCapacity) {
  SentMessageIndex index(3);
  for (int seq = 2; seq <= 5; ++seq) index.remember(seq, order("GW-" + std::to_string(seq)));
  EXPECT_EQ(index.size(), 3u);
  SentMessage found;
  EXPECT_FALSE(index.find(2, found));
  ASSERT_TRUE(index.find(4, found));
  EXPECT_EQ(found.clOrdId, "GW-4");
  EXPECT_EQ(found.msgType, "D");
  EXPECT_FALSE(index.find(9, found));
}

TEST(SentMessageIndex, ANumberGoingDownMeansANewNumbering) {
  SentMessageIndex index;
  index.remember(40, order("OLD-40"));
  index.remember(41, order("OLD-41"));
  index.remember(2, order("NEW-2"));  // the session was reset
  SentMessage found;
  EXPECT_FALSE(index.find(40, found));
  ASSERT_TRUE(index.find(2, found));
  EXPECT_EQ(found.clOrdId, "NEW-2");
}

}  // namespace
}  // namespace fix
}  // namespace gateway
