// fix-client's `expect`: which received messages match, and the queue they are taken from.

#include "tools/fix_client/message_matcher.h"

#include <gtest/gtest.h>

#include "tools/fix_client/received_queue.h"

namespace fix_client {
namespace {

ReceivedMessage executionReport(const std::string& clOrdId, const std::string& execType) {
  ReceivedMessage message;
  message.msgType = "8";
  message.fields = {{37, "O-1"}, {11, clOrdId}, {150, execType}, {39, "0"}};
  message.text = "ExecutionReport ClOrdID=" + clOrdId;
  return message;
}

FieldValue condition(int tag, const std::string& value) {
  FieldValue field;
  field.field = std::to_string(tag);
  field.value = value;
  field.tag = tag;
  return field;
}

TEST(MessageMatcher, TypeAndExactValues) {
  const ReceivedMessage er = executionReport("A-1", "0");
  EXPECT_TRUE(matchesExpectation(er, "8", {}));
  EXPECT_TRUE(matchesExpectation(er, "8", {condition(11, "A-1"), condition(150, "0")}));
  EXPECT_FALSE(matchesExpectation(er, "9", {}));
  EXPECT_FALSE(matchesExpectation(er, "8", {condition(11, "A-10")}));
  EXPECT_FALSE(matchesExpectation(er, "8", {condition(11, "A-1"), condition(150, "F")}));
}

TEST(MessageMatcher, StarRequiresPresenceOnly) {
  const ReceivedMessage er = executionReport("A-1", "0");
  EXPECT_TRUE(matchesExpectation(er, "8", {condition(37, "*")}));
  EXPECT_FALSE(matchesExpectation(er, "8", {condition(58, "*")}));
}

TEST(MessageMatcher, FieldsInsideRepeatingGroupsCount) {
  ReceivedMessage snapshot;
  snapshot.msgType = "W";
  snapshot.fields = {{55, "ESZ6"}, {268, "2"}, {269, "0"}, {270, "4999.75"}, {269, "1"},
                     {270, "5000.25"}};
  EXPECT_TRUE(matchesExpectation(snapshot, "W", {condition(269, "1"), condition(270, "5000.25")}));
  EXPECT_FALSE(matchesExpectation(snapshot, "W", {condition(269, "2")}));
}

TEST(ReceivedQueue, TakesTheOldestMatchAndKeepsTheRest) {
  ReceivedQueue queue;
  queue.push(executionReport("A-1", "0"));
  queue.push(executionReport("B-1", "0"));
  queue.push(executionReport("A-1", "F"));
  const auto isA1 = [](const ReceivedMessage& m) {
    return matchesExpectation(m, "8", {condition(11, "A-1")});
  };
  ReceivedMessage taken;
  ASSERT_TRUE(queue.takeFirst(isA1, taken));
  EXPECT_EQ(taken.fields[2].value, "0");
  ASSERT_TRUE(queue.takeFirst(isA1, taken));
  EXPECT_EQ(taken.fields[2].value, "F");
  EXPECT_FALSE(queue.takeFirst(isA1, taken));
  EXPECT_EQ(queue.size(), 1u);  // B-1 was skipped, not consumed
}

}  // namespace
}  // namespace fix_client
