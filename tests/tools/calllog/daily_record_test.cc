#include "tools/calllog/daily_record.h"

#include <gtest/gtest.h>

#include "tests/tools/calllog/calllog_test_support.h"

namespace calllog {
namespace {

using calllog_test::at;

store::MarginCall issuedCall() {
  store::MarginCall call;
  call.callId = "MC-1";
  call.account = "ACC-ALPHA";
  call.currency = "USD";
  call.issuedNs = at(23, 0, 0);
  call.amountToCure = "55000.12345678";
  call.status = "open";
  return call;
}

TEST(DailyRecordTest, AnOpenCallIsOutstanding) {
  const DailyRow row = dailyRow(issuedCall());
  EXPECT_EQ(row.callId, "MC-1");
  EXPECT_EQ(row.account, "ACC-ALPHA");
  EXPECT_EQ(row.amountRequired, "55000.12345678");
  EXPECT_EQ(row.dateIssued, "2026-11-24");
  EXPECT_EQ(row.dateMet, "");
  EXPECT_EQ(row.mannerMet, "outstanding");
}

TEST(DailyRecordTest, ALiquidatingCallIsStillOutstanding) {
  store::MarginCall call = issuedCall();
  call.status = "liquidating";
  EXPECT_EQ(dailyRow(call).mannerMet, "outstanding: liquidating");
}

TEST(DailyRecordTest, ACuredCallIsMetOnTheDayItClosedInTheMannerStored) {
  store::MarginCall call = issuedCall();
  call.status = "closed";
  call.outcome = "cured_by_deposit";
  call.mannerMet = "deposit";
  call.closedNs = at(24 + 1, 30, 0);  // the next day, 01:30
  const DailyRow row = dailyRow(call);
  EXPECT_EQ(row.dateIssued, "2026-11-24");
  EXPECT_EQ(row.dateMet, "2026-11-25");
  EXPECT_EQ(row.mannerMet, "deposit");

  call.outcome = "cured_by_prices";
  call.mannerMet = "price moves";
  EXPECT_EQ(dailyRow(call).mannerMet, "price moves");
}

TEST(DailyRecordTest, ALiquidatedCallIsNotMet) {
  store::MarginCall call = issuedCall();
  call.status = "closed";
  call.outcome = "liquidated";
  call.mannerMet = "liquidation";
  call.closedNs = at(23, 30, 0);
  DailyRow row = dailyRow(call);
  EXPECT_EQ(row.dateMet, "");
  EXPECT_EQ(row.mannerMet, "not met: liquidated");

  call.outcome = "liquidated_to_flat";
  call.mannerMet = "liquidation to flat";
  row = dailyRow(call);
  EXPECT_EQ(row.mannerMet, "not met: liquidated to flat");
}

TEST(DailyRecordTest, AnUnknownOutcomeIsShownAsStored) {
  store::MarginCall call = issuedCall();
  call.status = "closed";
  call.outcome = "withdrawn_by_broker";
  call.mannerMet = "withdrawn_by_broker";
  call.closedNs = at(23, 30, 0);
  EXPECT_EQ(dailyRow(call).mannerMet, "withdrawn_by_broker");
  EXPECT_EQ(dailyRow(call).dateMet, "2026-11-24");
}

}  // namespace
}  // namespace calllog
