#include "tools/calllog/detail_text.h"

#include <gtest/gtest.h>

#include "tests/tools/calllog/calllog_test_support.h"

namespace calllog {
namespace {

TEST(DetailTextTest, RendersEachFieldAsKeyValueWithNestedPaths) {
  const std::string detail =
      R"({"amount_to_cure":"55000.12345678","health":null,"escalated":false,)"
      R"("trigger":{"kind":"market_data","journal_seq":17},"orders":["LIQ-MC-2-1","LIQ-MC-2-2"],"none":[]})";
  EXPECT_EQ(renderDetail(detail),
            "amount_to_cure=55000.12345678 health=null escalated=false trigger.kind=market_data "
            "trigger.journal_seq=17 orders[0]=LIQ-MC-2-1 orders[1]=LIQ-MC-2-2 none=[]");
}

TEST(DetailTextTest, ShowsNanosecondFieldsAsUtcTimes) {
  const std::string detail = R"({"deadline_ns":)" + std::to_string(calllog_test::at(10, 30, 0)) + "}";
  EXPECT_EQ(renderDetail(detail), "deadline=2026-11-24T10:30:00.000Z");
}

TEST(DetailTextTest, QuotesValuesWithSpaces) {
  EXPECT_EQ(renderDetail(R"({"reference":"WIRE 42, \"urgent\"","reason":""})"),
            R"(reference="WIRE 42, \"urgent\"" reason="")");
}

TEST(DetailTextTest, KeepsFloatsAsWritten) {
  // 1.10 would print as 1.1 through a double.
  EXPECT_EQ(renderDetail(R"({"price":1.10,"qty":2.50e1})"), "price=1.10 qty=2.50e1");
  EXPECT_TRUE(flattenDetail(R"({"price":1.10})").hasFloat);
  // So the JSON output keeps such a detail as its stored text.
  EXPECT_EQ(detailJson(R"({"price":1.10})"), nlohmann::json(R"({"price":1.10})"));
  EXPECT_EQ(detailJson(R"({"price":"1.10"})"), nlohmann::json::parse(R"({"price":"1.10"})"));
}

TEST(DetailTextTest, TextThatIsNotJsonIsShownAsItIs) {
  EXPECT_EQ(renderDetail("not json {"), "not json {");
  EXPECT_EQ(renderDetail("{}"), "");
  EXPECT_EQ(detailJson("not json {"), nlohmann::json("not json {"));
}

TEST(DetailTextTest, FixMessagesShowSohAsBars) {
  EXPECT_EQ(renderFix("8=FIX.4.4\x01" "35=BA\x01" "10=042\x01"), "8=FIX.4.4|35=BA|10=042|");
}

}  // namespace
}  // namespace calllog
