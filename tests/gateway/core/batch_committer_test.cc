// The risk thread's end of batch: records are committed before the messages they decided leave, and a
// store that cannot be written stops risk-increasing orders without losing a record.
#include "gateway/core/batch_committer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "gateway/core/gateway_core.h"
#include "tests/gateway/core/fake_outbox.h"
#include "tests/gateway/core/refusal_inbox.h"
#include "tests/risk/engine_fixture.h"

namespace gateway::testing {
namespace {

int64_t raw(const char* text) { return risk::Price::parse(text).value->raw(); }

// Commits into memory; can be made to fail. Remembers what had been sent when each commit happened.
class FakeStore final : public core::DurableStore {
 public:
  explicit FakeStore(const FakeOutbox& outbox) : outbox_(outbox) {}
  std::optional<std::string> commit(const store::Batch& batch) override {
    if (failing) return std::string("gateway.db: database or disk is full");
    committed.push_back(batch);
    venueOrdersWhenCommitted.push_back(outbox_.venueOrders.size());
    callsWhenCommitted.push_back(outbox_.calls.size());
    return std::nullopt;
  }
  bool failing = false;
  std::vector<store::Batch> committed;
  std::vector<std::size_t> venueOrdersWhenCommitted;
  std::vector<std::size_t> callsWhenCommitted;

 private:
  const FakeOutbox& outbox_;
};

class BatchCommitterTest : public ::testing::Test {
 protected:
  BatchCommitterTest() {
    // FUT: multiplier 10, initial 10 %, maintenance 5 %. ACC-1: 10,000.
    config_.instruments.push_back(risk::testing::flatInstrument("FUT", "10", "0.10", "0.05"));
    config_.accounts.push_back(risk::testing::account("ACC-1", "10000"));
    core_ = std::make_unique<core::GatewayCore>(config_, std::vector<bridge::ClientSessionConfig>{
                                                             {0, "BROKER->CLIENT1", {"ACC-1"}}},
                                                deferred_, log_, recorder_);
    committer_ = std::make_unique<core::BatchCommitter>(*core_, recorder_, store_, deferred_, log_, inbox_);
    core_->process(core::VenueSessionEvent{true}, at(0));
    core_->process(core::ClientSessionEvent{0, true}, at(0));
    mark("100", 0);
    endBatch(0);
  }

  static risk::Timestamp at(int64_t seconds) { return risk::testing::at(seconds); }
  void endBatch(int64_t seconds) { committer_->commitAndSend(at(seconds)); }

  void mark(const char* price, int64_t seconds) {
    bridge::MarketDataUpdate update;
    update.symbol = "FUT";
    update.last = raw(price);
    update.hasLast = true;
    core_->process(update, at(seconds));
  }
  void order(const char* clOrdId, const char* quantity, const char* price, char side, int64_t seconds) {
    bridge::ClientNewOrder order;
    order.clOrdId = clOrdId;
    order.account = "ACC-1";
    order.symbol = "FUT";
    order.side = side;
    order.quantity = raw(quantity);
    order.price = raw(price);
    order.hasPrice = true;
    core_->process(order, at(seconds));
  }
  void fill(const std::string& venueId, const char* quantity, const char* price, int64_t seconds) {
    bridge::VenueExecution report;
    report.clOrdId = venueId;
    report.orderId = "V-" + venueId;
    report.execId = "E-" + venueId;
    report.execType = 'F';
    report.ordStatus = '2';
    report.lastQty = raw(quantity);
    report.lastPx = raw(price);
    report.cumQty = raw(quantity);
    report.avgPx = raw(price);
    core_->process(report, at(seconds));
  }
  // Long 50 FUT at 100: equity 10,000, maintenance 2,500.
  void buildPosition() {
    order("B-1", "50", "100", '1', 1);
    endBatch(1);
    fill(outbox_.venueOrders.back().clOrdId, "50", "100", 2);
    endBatch(2);
  }
  std::vector<std::string> auditKinds(const store::Batch& batch) const {
    std::vector<std::string> kinds;
    for (const auto& record : batch.audit) kinds.push_back(record.kind);
    return kinds;
  }
  bool logged(const std::string& text) const {
    return std::any_of(log_.lines.begin(), log_.lines.end(),
                       [&](const std::string& line) { return line.find(text) != std::string::npos; });
  }

  risk::RiskConfig config_;
  FakeOutbox outbox_;
  core::DeferredOutbox deferred_{outbox_};
  MemoryLog log_;
  core::Recorder recorder_;
  FakeStore store_{outbox_};
  RefusalInbox inbox_;
  std::unique_ptr<core::GatewayCore> core_;
  std::unique_ptr<core::BatchCommitter> committer_;
};

TEST_F(BatchCommitterTest, AnAcceptedOrderIsCommittedBeforeItReachesTheVenue) {
  const std::size_t commits = store_.committed.size();
  order("B-1", "1", "100", '1', 1);
  EXPECT_TRUE(outbox_.venueOrders.empty());  // decided, kept
  endBatch(1);
  ASSERT_EQ(store_.committed.size(), commits + 1);
  const store::Batch& batch = store_.committed.back();
  EXPECT_EQ(store_.venueOrdersWhenCommitted.back(), 0u);  // nothing had left when it was committed
  ASSERT_EQ(batch.journal.size(), 1u);
  EXPECT_EQ(batch.journal[0].kind, "client_new_order");
  EXPECT_EQ(auditKinds(batch), std::vector<std::string>{"order_accepted"});
  EXPECT_EQ(batch.audit[0].actor, "BROKER->CLIENT1");
  EXPECT_NE(batch.audit[0].detail.find("\"available_after\":\"9900\""), std::string::npos) << batch.audit[0].detail;
  EXPECT_EQ(outbox_.venueOrders.size(), 1u);  // and then sent
}

TEST_F(BatchCommitterTest, AMarginCallIsRecordedWithItsTriggerBeforeItsCollateralRequestLeaves) {
  buildPosition();
  mark("84", 3);  // equity 2,000 < maintenance 2,100
  endBatch(3);
  const store::Batch& batch = store_.committed.back();
  EXPECT_EQ(store_.callsWhenCommitted.back(), 0u);
  const auto kinds = auditKinds(batch);
  const auto issued = std::find(kinds.begin(), kinds.end(), "call_issued");
  const auto sent = std::find(kinds.begin(), kinds.end(), "call_sent");
  ASSERT_NE(issued, kinds.end());
  ASSERT_NE(sent, kinds.end());
  EXPECT_LT(issued, sent);
  const store::AuditRecord& call = batch.audit[issued - kinds.begin()];
  EXPECT_EQ(call.account, "ACC-1");
  EXPECT_FALSE(call.callId.empty());
  EXPECT_NE(call.detail.find("\"amount_to_cure\":\"2200\""), std::string::npos) << call.detail;  // 4,200 - 2,000
  // The trigger names the market-data input by its journal record.
  EXPECT_NE(call.detail.find("\"journal_seq\":" + std::to_string(batch.journal.back().seq)), std::string::npos);
  EXPECT_NE(call.detail.find("\"kind\":\"mark\""), std::string::npos);
  EXPECT_EQ(outbox_.calls.size(), 1u);
}

TEST_F(BatchCommitterTest, AStoreThatCannotBeWrittenStopsRiskIncreasingOrdersAndLosesNothing) {
  buildPosition();
  const std::int64_t lastCommitted = store_.committed.back().journal.back().seq;
  store_.failing = true;
  order("B-2", "1", "100", '1', 10);
  endBatch(10);
  EXPECT_TRUE(logged("ALARM STORE_UNAVAILABLE gateway.db: database or disk is full"));
  EXPECT_EQ(outbox_.venueOrders.size(), 2u);  // decided before the failure was known: still sent

  order("B-3", "1", "100", '1', 11);  // risk-increasing: refused
  ASSERT_FALSE(outbox_.reports.empty());
  endBatch(11);
  EXPECT_EQ(outbox_.reports.back().riskCode, "STORE_UNAVAILABLE");
  order("S-1", "10", "100", '2', 12);  // risk-reducing: passes
  endBatch(12);
  EXPECT_EQ(outbox_.venueOrders.size(), 3u);
  EXPECT_EQ(outbox_.venueOrders.back().side, '2');

  store_.failing = false;
  endBatch(13);
  EXPECT_TRUE(logged("STORE_RECOVERED"));
  const store::Batch& recovered = store_.committed.back();
  // Every record kept while the store was down, in order, none missing.
  ASSERT_FALSE(recovered.journal.empty());
  EXPECT_EQ(recovered.journal.front().seq, lastCommitted + 1);
  for (std::size_t i = 1; i < recovered.journal.size(); ++i) {
    EXPECT_EQ(recovered.journal[i].seq, recovered.journal[i - 1].seq + 1);
  }
  const auto kinds = auditKinds(recovered);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "order_denied"), kinds.end());
  endBatch(14);  // the "store available" input itself is committed
  order("B-4", "1", "100", '1', 15);
  endBatch(15);
  EXPECT_EQ(outbox_.venueOrders.back().side, '1');
  EXPECT_EQ(outbox_.venueOrders.size(), 4u);
}

TEST_F(BatchCommitterTest, AVenueMessageThatCannotBeSentComesBackAsARefusal) {
  outbox_.venueAccepts = false;
  order("B-1", "1", "100", '1', 1);
  endBatch(1);
  ASSERT_EQ(inbox_.refused.size(), 1u);
  EXPECT_EQ(inbox_.refused[0].refMsgType, "D");
  core_->process(inbox_.refused[0], at(2));  // as the risk thread would, in its next batch
  endBatch(2);
  EXPECT_EQ(outbox_.reports.back().riskCode, "VENUE_REJECTED");
  EXPECT_EQ(core_->engine().state().orders.size(), 0u);  // its margin released
}

}  // namespace
}  // namespace gateway::testing
