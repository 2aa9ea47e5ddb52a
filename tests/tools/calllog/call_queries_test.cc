// The queries on a real database written by store::StoreWriter in a temporary folder.

#include "tools/calllog/call_queries.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/tools/calllog/calllog_test_support.h"
#include "tools/calllog/time_text.h"

namespace calllog {
namespace {

using calllog_test::at;

class CallQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override { calllog_test::writeScenario(path_); }

  std::vector<std::string> ids(const CallFilter& filter) {
    ReadOnlyDatabase db(path_);
    std::vector<std::string> found;
    for (const store::MarginCall& call : listCalls(db, filter)) found.push_back(call.callId);
    return found;
  }

  calllog_test::TempFolder folder_;
  std::string path_ = folder_.file("gateway.db");
};

using Ids = std::vector<std::string>;

TEST_F(CallQueriesTest, NoFilterListsEveryCallByTimeIssued) { EXPECT_EQ(ids({}), (Ids{"MC-1", "MC-2", "MC-3"})); }

TEST_F(CallQueriesTest, FiltersByAccount) {
  CallFilter filter;
  filter.accounts = {"ACC-ALPHA"};
  EXPECT_EQ(ids(filter), (Ids{"MC-1", "MC-3"}));
  filter.accounts = {"ACC-BETA", "ACC-ALPHA"};
  EXPECT_EQ(ids(filter), (Ids{"MC-1", "MC-2", "MC-3"}));
  filter.accounts = {"ACC-NONE"};
  EXPECT_EQ(ids(filter), Ids{});
}

TEST_F(CallQueriesTest, FiltersByTimeIssuedFromInclusiveToExclusive) {
  CallFilter filter;
  filter.fromNs = at(11, 0, 0);  // MC-2's issue time exactly
  EXPECT_EQ(ids(filter), (Ids{"MC-2", "MC-3"}));
  filter.toNs = at(24, 0, 0);  // the start of the 25th: MC-3 was issued at 08:00 on it
  EXPECT_EQ(ids(filter), Ids{"MC-2"});
  filter.fromNs.reset();
  filter.toNs = at(11, 0, 0);  // exclusive: MC-2 is not before its own issue time
  EXPECT_EQ(ids(filter), Ids{"MC-1"});
}

TEST_F(CallQueriesTest, FiltersByOutcomeAndStatus) {
  CallFilter filter;
  filter.outcome = "cured_by_deposit";
  EXPECT_EQ(ids(filter), Ids{"MC-1"});
  filter.outcome = "cured";
  EXPECT_EQ(ids(filter), Ids{"MC-1"});
  filter.outcome = "liquidated";
  EXPECT_EQ(ids(filter), Ids{"MC-2"});
  filter.outcome.reset();
  filter.status = "open";
  EXPECT_EQ(ids(filter), Ids{"MC-3"});
  filter.status = "closed";
  EXPECT_EQ(ids(filter), (Ids{"MC-1", "MC-2"}));
  filter.accounts = {"ACC-ALPHA"};
  EXPECT_EQ(ids(filter), Ids{"MC-1"});
}

TEST_F(CallQueriesTest, ReadsTheSummaryAsStored) {
  ReadOnlyDatabase db(path_);
  const std::optional<store::MarginCall> call = findCall(db, "MC-1");
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->account, "ACC-ALPHA");
  EXPECT_EQ(call->currency, "USD");
  EXPECT_EQ(call->issuedNs, at(9, 30, 0));
  EXPECT_EQ(call->issuedSeq, 2);  // after the order_accepted record
  EXPECT_EQ(call->initial, "150000.00");  // exact text, trailing zeros kept
  EXPECT_EQ(call->amountToCure, "55000.12345678");
  EXPECT_EQ(call->health, "0.95");
  EXPECT_EQ(call->triggerKind, "execution_report");
  EXPECT_EQ(call->triggerJournalSeq, 1);
  EXPECT_EQ(call->sessions, "CLIENT1,CLIENT2");
  EXPECT_EQ(call->firstSentNs, at(9, 30, 0, 5));
  EXPECT_EQ(call->acknowledgedNs, at(9, 31, 0, 250));
  EXPECT_EQ(call->status, "closed");
  EXPECT_EQ(call->outcome, "cured_by_deposit");
  EXPECT_EQ(call->mannerMet, "deposit");
  EXPECT_EQ(call->closedNs, at(9, 45, 0, 1));
  EXPECT_FALSE(findCall(db, "MC-9").has_value());
}

TEST_F(CallQueriesTest, TimelineHoldsTheCallsRecordsAndItsLiquidationOrdersRecordsInSeqOrder) {
  ReadOnlyDatabase db(path_);
  const std::optional<store::MarginCall> call = findCall(db, "MC-2");
  ASSERT_TRUE(call.has_value());
  EXPECT_FALSE(call->health.has_value());
  EXPECT_EQ(call->escalations, 1);
  EXPECT_EQ(call->lastAmountToCure, "80000");
  EXPECT_EQ(call->liquidationOrders, 1);
  EXPECT_EQ(call->liquidationFills, 1);
  std::vector<std::string> kinds;
  std::vector<std::int64_t> seqs;
  for (const store::AuditLogRow& entry : callTimeline(db, *call)) {
    kinds.push_back(entry.record.kind + (entry.record.callId.empty() ? "(no call id)" : ""));
    seqs.push_back(entry.seq);
    EXPECT_NE(entry.record.orderId, "LIQ-MC-20-1");  // another call's order
  }
  // Records 8 to 15 of the scenario; 12 and 14 carry no call id.
  EXPECT_EQ(kinds, (std::vector<std::string>{"call_issued", "call_sent", "call_escalated", "liquidation_order",
                                             "order_accepted(no call id)", "liquidation_fill", "fill(no call id)",
                                             "call_closed"}));
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{8, 9, 10, 11, 12, 13, 14, 15}));
}

TEST(ReadOnlyDatabaseTest, AMissingFileIsAnErrorNamingItAndIsNotCreated) {
  calllog_test::TempFolder folder;
  const std::string path = folder.file("absent.db");
  try {
    ReadOnlyDatabase db(path);
    FAIL() << "opened a missing file";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ReadOnlyDatabaseTest, AFileThatIsNotAGatewayDatabaseIsAnError) {
  calllog_test::TempFolder folder;
  const std::string text = folder.file("notes.txt");
  std::ofstream(text) << "not a database, just some words long enough to fill a header page\n";
  EXPECT_THROW(ReadOnlyDatabase{text}, DatabaseError);
  const std::string empty = folder.file("other.db");
  calllog_test::RawDb(empty).exec("CREATE TABLE t (x)");
  try {
    ReadOnlyDatabase db(empty);
    FAIL() << "opened a database without the gateway's tables";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("not a gateway database"), std::string::npos) << e.what();
  }
}

TEST(ReadOnlyDatabaseTest, UriEscapesCharactersAPathMayHold) {
  EXPECT_EQ(readOnlyUri("data/gateway.db"), "file:data/gateway.db?mode=ro");
  EXPECT_EQ(readOnlyUri("/tmp/a b/100%?#.db"), "file:/tmp/a%20b/100%25%3F%23.db?mode=ro");
}

TEST(ReadOnlyDatabaseTest, OpensAPathWithUriCharactersInIt) {
  calllog_test::TempFolder folder;
  const std::string path = folder.file("odd name 100%?#.db");
  calllog_test::writeScenario(path);
  ReadOnlyDatabase db(path);
  EXPECT_EQ(listCalls(db, {}).size(), 3u);
}

}  // namespace
}  // namespace calllog
