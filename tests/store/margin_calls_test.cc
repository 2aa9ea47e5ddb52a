// The margin_calls summary: derived from the audit records by the writer, rebuilt and compared by
// verifyStore(), through a call's whole life (issued, sent, acknowledged, escalated, liquidated,
// closed).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/margin_call_summary.h"
#include "store/store_writer.h"
#include "store/verify.h"
#include "tests/store/store_test_support.h"

namespace store {
namespace {

using testing::auditRecord;
using testing::RawDb;
using testing::TempFolder;

constexpr const char* kIssuedDetail =
    R"({"currency":"USD","equity":"1000000","maintenance":"1385375.5","initial":"1500000",)"
    R"("deficit_to_maintenance":"385375.5","amount_to_cure":"500000","health":"0.72183",)"
    R"("deadline_ns":5000,"trigger":{"kind":"execution_report","reference":"EXEC-17","price":"5012.25",)"
    R"("quantity":"5","journal_seq":42}})";

class MarginCallsTest : public ::testing::Test {
 protected:
  void SetUp() override { writer_ = testing::openWriter(path_); }

  void commit(std::vector<AuditRecord> records) {
    Batch batch;
    batch.audit = std::move(records);
    ASSERT_EQ(writer_->commit(batch), std::nullopt);
  }

  // One column of a call's row as text ("" for NULL).
  std::string column(const std::string& callId, const std::string& name) {
    return RawDb(path_).text("SELECT " + name + " FROM margin_calls WHERE call_id = '" + callId + "'");
  }

  // MC-1 issued, sent to two sessions (one twice), acknowledged (twice), escalated within CALL, with
  // an unrelated order decision and a record of a call that was never issued in between: records 1-9.
  void issueAndSend() {
    commit({auditRecord(1000, "call_issued", "ACC-ALPHA", "MC-1", "risk-core", kIssuedDetail),
            auditRecord(1100, "call_sent", "ACC-ALPHA", "MC-1", "CLIENT1", R"({"amount_to_cure":"500000"})", "",
                        "8=FIX.4.4\x01" "35=AX\x01"),
            auditRecord(1150, "call_sent", "ACC-ALPHA", "MC-1", "CLIENT2", R"({"amount_to_cure":"500000"})"),
            auditRecord(1200, "call_sent", "ACC-ALPHA", "MC-1", "CLIENT1", R"({"amount_to_cure":"500000"})"),
            auditRecord(1250, "order_accepted", "ACC-ALPHA", "", "CLIENT1", R"({"quantity":"1"})", "ORD-9"),
            auditRecord(1260, "call_sent", "ACC-GAMMA", "MC-9", "CLIENT3", R"({"amount_to_cure":"1"})")});
    commit({auditRecord(1300, "call_acknowledged", "ACC-ALPHA", "MC-1", "CLIENT1",
                        R"({"assignment_id":"A-1","amount":"500000","currency":"USD"})"),
            auditRecord(1400, "call_escalated", "ACC-ALPHA", "MC-1", "risk-core",
                        R"({"reason":"prices moved","state":"CALL","amount_to_cure":"612000.25","deadline_ns":6000})"),
            auditRecord(1450, "call_acknowledged", "ACC-ALPHA", "MC-1", "CLIENT2", R"({})")});
  }

  // MC-1 liquidated (records 10-15), then MC-2 issued and cured by a deposit (records 16-17).
  void liquidateAndCure() {
    commit({auditRecord(2000, "call_escalated", "ACC-ALPHA", "MC-1", "risk-core",
                        R"({"reason":"deadline passed","state":"LIQUIDATION","amount_to_cure":"650000"})"),
            auditRecord(2100, "liquidation_order", "ACC-ALPHA", "MC-1", "gateway", R"({"quantity":"3"})", "LIQ-MC-1-1"),
            auditRecord(2200, "liquidation_fill", "ACC-ALPHA", "MC-1", "VENUE", R"({"quantity":"3"})", "LIQ-MC-1-1"),
            auditRecord(2300, "liquidation_order", "ACC-ALPHA", "MC-1", "gateway", R"({"quantity":"2"})", "LIQ-MC-1-2"),
            auditRecord(2400, "liquidation_fill", "ACC-ALPHA", "MC-1", "VENUE", R"({"quantity":"2"})", "LIQ-MC-1-2"),
            auditRecord(3000, "call_closed", "ACC-ALPHA", "MC-1", "risk-core", R"({"outcome":"liquidated"})")});
    commit({auditRecord(4000, "call_issued", "ACC-BETA", "MC-2", "risk-core",
                        R"({"currency":"EUR","equity":"10","maintenance":"12","initial":"15",)"
                        R"("deficit_to_maintenance":"2","amount_to_cure":"5","health":null,"deadline_ns":9000,)"
                        R"("trigger":{"kind":"market_data","reference":"MD-3","price":"99.5","quantity":"0"}})"),
            auditRecord(4500, "call_closed", "ACC-BETA", "MC-2", "admin", R"({"outcome":"cured_by_deposit"})")});
  }

  std::vector<VerifyProblem> problems() { return testing::verifyProblems(path_); }

  TempFolder folder_;
  const std::string path_ = folder_.file("gateway.db");
  std::unique_ptr<StoreWriter> writer_;
};

TEST_F(MarginCallsTest, AnOpenCallIsSummarisedAsIssuedSentAcknowledgedAndEscalated) {
  issueAndSend();
  EXPECT_EQ(column("MC-1", "account"), "ACC-ALPHA");
  EXPECT_EQ(column("MC-1", "currency"), "USD");
  EXPECT_EQ(column("MC-1", "issued_ns"), "1000");
  EXPECT_EQ(column("MC-1", "issued_seq"), "1");
  EXPECT_EQ(column("MC-1", "deadline_ns"), "5000");
  EXPECT_EQ(column("MC-1", "last_deadline_ns"), "6000");  // from the escalation
  EXPECT_EQ(column("MC-1", "equity"), "1000000");
  EXPECT_EQ(column("MC-1", "maintenance"), "1385375.5");
  EXPECT_EQ(column("MC-1", "initial"), "1500000");
  EXPECT_EQ(column("MC-1", "deficit_to_maintenance"), "385375.5");
  EXPECT_EQ(column("MC-1", "amount_to_cure"), "500000");
  EXPECT_EQ(column("MC-1", "health"), "0.72183");
  EXPECT_EQ(column("MC-1", "trigger_kind || '/' || trigger_reference || '/' || trigger_price || '/' || "
                           "trigger_quantity || '/' || trigger_journal_seq"),
            "execution_report/EXEC-17/5012.25/5/42");
  EXPECT_EQ(column("MC-1", "sessions"), "CLIENT1,CLIENT2");  // distinct, in first-sent order
  EXPECT_EQ(column("MC-1", "first_sent_ns"), "1100");
  EXPECT_EQ(column("MC-1", "escalations"), "1");
  EXPECT_EQ(column("MC-1", "last_amount_to_cure"), "612000.25");
  EXPECT_EQ(column("MC-1", "acknowledged_ns"), "1300");  // the first acknowledgement
  EXPECT_EQ(column("MC-1", "liquidation_orders || '/' || liquidation_fills"), "0/0");
  EXPECT_EQ(column("MC-1", "status"), "open");
  EXPECT_EQ(column("MC-1", "coalesce(outcome, 'NULL') || coalesce(closed_ns, 'NULL') || coalesce(manner_met, 'NULL')"),
            "NULLNULLNULL");
  // A call with no call_issued record gets no row.
  EXPECT_EQ(RawDb(path_).number("SELECT count(*) FROM margin_calls"), 1);

  const VerifyResult result = verifyStore(path_);
  EXPECT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.records, 9);
  EXPECT_EQ(result.calls, 1);
}

TEST_F(MarginCallsTest, LiquidationAndClosingAreSummarised) {
  issueAndSend();
  liquidateAndCure();
  EXPECT_EQ(column("MC-1", "escalations"), "2");
  EXPECT_EQ(column("MC-1", "last_amount_to_cure"), "650000");
  EXPECT_EQ(column("MC-1", "last_deadline_ns"), "6000");  // the second escalation set no deadline
  EXPECT_EQ(column("MC-1", "liquidation_orders || '/' || liquidation_fills"), "2/2");
  EXPECT_EQ(column("MC-1", "status || '/' || outcome || '/' || closed_ns || '/' || manner_met"),
            "closed/liquidated/3000/liquidation");
  EXPECT_EQ(column("MC-1", "amount_to_cure"), "500000");  // the amount at issue stays

  EXPECT_EQ(column("MC-2", "account || '/' || currency || '/' || issued_seq"), "ACC-BETA/EUR/16");
  EXPECT_EQ(column("MC-2", "coalesce(health, 'NULL') || '/' || coalesce(trigger_journal_seq, 'NULL')"), "NULL/NULL");
  EXPECT_EQ(column("MC-2", "trigger_kind || '/' || trigger_reference || '/' || trigger_price"), "market_data/MD-3/99.5");
  EXPECT_EQ(column("MC-2", "sessions || '/' || coalesce(first_sent_ns, 'NULL') || '/' || escalations"), "/NULL/0");
  EXPECT_EQ(column("MC-2", "status || '/' || outcome || '/' || closed_ns || '/' || manner_met"),
            "closed/cured_by_deposit/4500/deposit");

  const VerifyResult result = verifyStore(path_);
  EXPECT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.records, 17);
  EXPECT_EQ(result.calls, 2);
}

TEST_F(MarginCallsTest, LiquidationOrdersMakeTheCallLiquidating) {
  issueAndSend();
  commit({auditRecord(2100, "liquidation_order", "ACC-ALPHA", "MC-1", "gateway", "{}", "LIQ-MC-1-1")});
  EXPECT_EQ(column("MC-1", "status"), "liquidating");
}

TEST_F(MarginCallsTest, ATamperedRowIsFoundAndNamed) {
  issueAndSend();
  liquidateAndCure();
  RawDb(path_).exec("UPDATE margin_calls SET amount_to_cure = '1.0', escalations = 0 WHERE call_id = 'MC-1'");
  const auto found = problems();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].seq, 1);
  EXPECT_EQ(found[0].problem, "call MC-1: amount_to_cure differs: the row says '1.0', the audit trail gives '500000'");
  EXPECT_EQ(found[1].problem, "call MC-1: escalations differs: the row says 0, the audit trail gives 2");
}

TEST_F(MarginCallsTest, MissingAndExtraRowsAreFound) {
  issueAndSend();
  liquidateAndCure();
  RawDb db(path_);
  db.exec("DELETE FROM margin_calls WHERE call_id = 'MC-2'");
  db.exec("INSERT INTO margin_calls SELECT 'MC-7', account, currency, issued_ns, issued_seq, deadline_ns, "
          "last_deadline_ns, equity, maintenance, initial, deficit_to_maintenance, amount_to_cure, health, "
          "trigger_kind, trigger_reference, trigger_price, trigger_quantity, trigger_journal_seq, sessions, "
          "first_sent_ns, escalations, last_amount_to_cure, acknowledged_ns, liquidation_orders, liquidation_fills, "
          "status, outcome, closed_ns, manner_met FROM margin_calls WHERE call_id = 'MC-1'");
  const auto found = problems();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].problem, "call MC-7: extra row: the audit trail has no call_issued record for it");
  EXPECT_EQ(found[1].seq, 16);
  EXPECT_EQ(found[1].problem, "call MC-2: its margin_calls row is missing (issued in record 16)");
}

TEST(MarginCallSummaryTest, RecordsBeforeTheIssueAndRepeatedIssuesAndClosesAreIgnored) {
  std::optional<MarginCall> call;
  EXPECT_FALSE(applyAuditRecord(call, 1, auditRecord(1, "call_sent", "A", "MC-1", "CLIENT1")));
  EXPECT_FALSE(call);
  EXPECT_TRUE(applyAuditRecord(call, 2, auditRecord(2, "call_issued", "A", "MC-1", "risk-core",
                                                    R"({"amount_to_cure":"7"})")));
  ASSERT_TRUE(call);
  EXPECT_EQ(call->amountToCure, "7");
  EXPECT_EQ(call->currency, "");  // absent in the detail
  EXPECT_FALSE(applyAuditRecord(call, 3, auditRecord(3, "call_issued", "A", "MC-1", "risk-core",
                                                     R"({"amount_to_cure":"8"})")));
  EXPECT_EQ(call->issuedSeq, 2);
  EXPECT_TRUE(applyAuditRecord(call, 4, auditRecord(4, "call_closed", "A", "MC-1", "x", R"({"outcome":"cured_by_prices"})")));
  EXPECT_FALSE(applyAuditRecord(call, 5, auditRecord(5, "call_closed", "A", "MC-1", "x", R"({"outcome":"liquidated"})")));
  EXPECT_EQ(call->mannerMet, "price moves");
  // A fill arriving after the close is counted but does not reopen the call.
  EXPECT_TRUE(applyAuditRecord(call, 6, auditRecord(6, "liquidation_fill", "A", "MC-1", "VENUE")));
  EXPECT_EQ(call->status, "closed");
  EXPECT_EQ(call->liquidationFills, 1);
  // Detail that is not JSON reads as absent fields.
  std::optional<MarginCall> broken;
  EXPECT_TRUE(applyAuditRecord(broken, 1, auditRecord(1, "call_issued", "A", "MC-2", "x", "not json")));
  EXPECT_EQ(broken->amountToCure, "");
  EXPECT_EQ(broken->health, std::nullopt);
}

TEST(MarginCallSummaryTest, MannerMetWords) {
  EXPECT_EQ(mannerMetFor("cured_by_deposit"), "deposit");
  EXPECT_EQ(mannerMetFor("cured_by_fills"), "fills");
  EXPECT_EQ(mannerMetFor("cured_by_prices"), "price moves");
  EXPECT_EQ(mannerMetFor("cured_by_reload"), "configuration reload");
  EXPECT_EQ(mannerMetFor("liquidated"), "liquidation");
  EXPECT_EQ(mannerMetFor("liquidated_to_flat"), "liquidation to flat");
  EXPECT_EQ(mannerMetFor("withdrawn"), "withdrawn");
}

TEST(MarginCallSummaryTest, ColumnsRoundTrip) {
  std::optional<MarginCall> call;
  applyAuditRecord(call, 1, auditRecord(1, "call_issued", "A", "MC-1", "risk-core", kIssuedDetail));
  applyAuditRecord(call, 2, auditRecord(2, "call_closed", "A", "MC-1", "x", R"({"outcome":"cured_by_fills"})"));
  EXPECT_EQ(toColumns(fromColumns(toColumns(*call))), toColumns(*call));
  EXPECT_EQ(toColumns(*call).size(), kMarginCallColumns.size());
}

}  // namespace
}  // namespace store
