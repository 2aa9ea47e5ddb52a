// Recovery at start-up: a gateway core rebuilt from its journal (a real SQLite file) is the core that
// wrote it: same positions, cash, open orders, marks, call, routing and deposit notices, and it goes on
// exactly as the first would have (same gateway ids at the venue).
#include "gateway/app/journal_replay.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "gateway/app/store_adapter.h"
#include "gateway/config/risk_config_loader.h"
#include "gateway/core/batch_committer.h"
#include "gateway/core/journal_codec.h"
#include "tests/gateway/core/fake_outbox.h"
#include "tests/gateway/core/refusal_inbox.h"

namespace gateway::testing {
namespace {

constexpr const char* kConfig = R"(
[[instrument]]
symbol = "FUT"
currency = "USD"
multiplier = "10"
tick_size = "0.25"
lot_size = "1"
max_order_quantity = "1000"
max_order_notional = "100000000"
price_collar_percent = "20"
mark_stale_after_ms = 60000
liquidation_piece = "10"
tiers = [ { floor = "0", initial_rate = "0.10", maintenance_rate = "0.05" } ]

[[account]]
id = "ACC-1"
currency = "USD"
cash = "10000"
)";

int64_t raw(const char* text) { return risk::Price::parse(text).value->raw(); }
risk::Timestamp at(int64_t seconds) { return {1'800'000'000'000'000'000 + seconds * 1'000'000'000}; }

// One gateway core with its outbox, recorder and log.
struct Gateway {
  explicit Gateway(const risk::RiskConfig& config)
      : core(config, {{0, "BROKER->CLIENT1", {"ACC-1"}}}, deferred, log, recorder) {}
  FakeOutbox outbox;
  core::DeferredOutbox deferred{outbox};
  MemoryLog log;
  core::Recorder recorder;
  core::GatewayCore core;
};

class JournalReplayTest : public ::testing::Test {
 protected:
  JournalReplayTest() {
    folder_ = std::filesystem::path(::testing::TempDir()) /
              ("journal_replay_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    path_ = (folder_ / "gateway.db").string();
    std::string error;
    auto writer = store::StoreWriter::open(path_, {}, error);
    EXPECT_NE(writer, nullptr) << error;
    store_ = std::make_unique<app::StoreWriterAdapter>(std::move(writer));
    config_ = *config::loadRiskConfigText(kConfig, "test").config;
    genesis_ = core::GenesisInput{kConfig, {"BROKER->CLIENT1"}};
    first_ = std::make_unique<Gateway>(config_);
    committer_ = std::make_unique<core::BatchCommitter>(first_->core, first_->recorder, *store_, first_->deferred,
                                                        first_->log, inbox_);
    first_->recorder.journal("genesis", core::encodeJournalPayload(genesis_), at(0));
  }
  ~JournalReplayTest() override { std::filesystem::remove_all(folder_); }

  void input(const core::GatewayInput& in, int64_t seconds) {
    first_->core.process(in, at(seconds));
    committer_->commitAndSend(at(seconds));
  }
  static bridge::MarketDataUpdate mark(const char* price) {
    bridge::MarketDataUpdate update;
    update.symbol = "FUT";
    update.last = raw(price);
    update.hasLast = true;
    return update;
  }
  static bridge::ClientNewOrder order(const char* id, const char* quantity, const char* price) {
    bridge::ClientNewOrder order;
    order.clOrdId = id;
    order.account = "ACC-1";
    order.symbol = "FUT";
    order.quantity = raw(quantity);
    order.price = raw(price);
    order.hasPrice = true;
    return order;
  }
  static bridge::VenueExecution report(const std::string& venueId, char execType, char status, const char* last) {
    bridge::VenueExecution report;
    report.clOrdId = venueId;
    report.orderId = "V-" + venueId;
    report.execId = "E-" + venueId + execType;
    report.execType = execType;
    report.ordStatus = status;
    if (execType == 'F') {
      report.lastQty = raw("50");
      report.lastPx = raw(last);
      report.cumQty = raw("50");
      report.avgPx = raw(last);
    }
    return report;
  }

  // Long 50 at 100, a resting order, a margin call, a deposit too small to cure, a deposit notice.
  void runScenario() {
    input(core::VenueSessionEvent{true}, 1);
    input(core::ClientSessionEvent{0, true}, 1);
    input(mark("100"), 2);
    input(order("B-1", "50", "100"), 3);
    input(report(first_->outbox.venueOrders.back().clOrdId, 'F', '2', "100"), 4);
    input(order("B-2", "1", "95"), 5);
    input(report(first_->outbox.venueOrders.back().clOrdId, '0', '0', nullptr), 6);
    input(mark("84"), 7);  // equity 2,000 < maintenance 2,100 (+ the resting order's margin)
    first_->core.applyAdmin(risk::Deposit{at(8), "ACC-1", risk::Money::fromRaw(raw("100")), "WIRE-1"}, "alice", at(8));
    bridge::ClientCollateralAssignment notice;
    notice.assignmentId = "AY-1";
    notice.account = "ACC-1";
    notice.amount = raw("5000");
    notice.hasAmount = true;
    notice.currency = "USD";
    input(notice, 9);
    first_->core.onTimer(at(10));
    committer_->commitAndSend(at(10));
  }

  std::unique_ptr<Gateway> replayed() {
    auto second = std::make_unique<Gateway>(config_);
    const app::ReplayResult result = app::replayJournal(path_, genesis_, second->core, second->recorder,
                                                        second->deferred);
    EXPECT_EQ(result.error, "");
    EXPECT_EQ(second->recorder.currentInput(), first_->recorder.currentInput());
    EXPECT_TRUE(second->outbox.venueOrders.empty());  // nothing sent again
    EXPECT_TRUE(second->outbox.calls.empty());
    EXPECT_EQ(second->deferred.size(), 0u);
    return second;
  }

  std::filesystem::path folder_;
  std::string path_;
  std::unique_ptr<app::StoreWriterAdapter> store_;
  risk::RiskConfig config_;
  core::GenesisInput genesis_;
  std::unique_ptr<Gateway> first_;
  RefusalInbox inbox_;
  std::unique_ptr<core::BatchCommitter> committer_;
};

TEST_F(JournalReplayTest, TheReplayedCoreHasTheSameAccountsOrdersCallAndNotices) {
  runScenario();
  const auto before = first_->core.engine().report("ACC-1");
  ASSERT_TRUE(before && before->call);
  ASSERT_EQ(before->openOrders, 1);

  const auto second = replayed();
  const auto after = second->core.engine().report("ACC-1");
  ASSERT_TRUE(after && after->call);
  EXPECT_EQ(after->state, before->state);
  EXPECT_EQ(after->call->callId, before->call->callId);
  EXPECT_EQ(after->call->deadline, before->call->deadline);
  EXPECT_EQ(after->call->notifiedAmountToCure, before->call->notifiedAmountToCure);
  EXPECT_EQ(after->snapshot.cash, before->snapshot.cash);
  EXPECT_EQ(after->snapshot.equity, before->snapshot.equity);
  EXPECT_EQ(after->snapshot.maintenance, before->snapshot.maintenance);
  EXPECT_EQ(after->deposits, before->deposits);
  EXPECT_EQ(after->openOrders, before->openOrders);
  ASSERT_EQ(after->positions.size(), before->positions.size());
  EXPECT_EQ(after->positions[0].quantity, before->positions[0].quantity);
  EXPECT_EQ(after->positions[0].averagePrice, before->positions[0].averagePrice);
  EXPECT_EQ(after->positions[0].mark, before->positions[0].mark);
  EXPECT_EQ(second->core.routedOrders(), first_->core.routedOrders());
  ASSERT_EQ(first_->core.collateral().pendingNotices("ACC-1"), 1u);
  EXPECT_EQ(second->core.collateral().pendingNotices("ACC-1"), 1u);
  EXPECT_TRUE(second->core.venueUp());
}

TEST_F(JournalReplayTest, TheReplayedCoreGoesOnAsTheFirstWould) {
  runScenario();
  const auto second = replayed();
  bridge::ClientCancel cancel;
  cancel.clOrdId = "C-1";
  cancel.origClOrdId = "B-2";
  cancel.account = "ACC-1";
  cancel.symbol = "FUT";
  for (Gateway* gateway : {first_.get(), second.get()}) {
    gateway->core.process(cancel, at(11));
    gateway->core.process(order("B-3", "1", "84"), at(11));  // refused: the account is in a call
    gateway->deferred.flush([](const bridge::VenueMessageReject&) {}, gateway->log);
  }
  ASSERT_EQ(second->outbox.venueCancels.size(), 1u);
  EXPECT_EQ(second->outbox.venueCancels[0].clOrdId, first_->outbox.venueCancels.back().clOrdId);
  EXPECT_EQ(second->outbox.venueCancels[0].origClOrdId, first_->outbox.venueCancels.back().origClOrdId);
  ASSERT_FALSE(second->outbox.reports.empty());
  EXPECT_EQ(second->outbox.reports.back().riskCode, "MAINTENANCE_BREACH");
  EXPECT_EQ(second->outbox.reports.back().text, first_->outbox.reports.back().text);
}

TEST_F(JournalReplayTest, ASessionAlreadyToldOfTheCallIsNotToldAgainAtItsNextLogon) {
  runScenario();
  const std::size_t calls = first_->outbox.calls.size();
  ASSERT_GE(calls, 1u);
  const auto second = replayed();
  second->core.sessionsDownAfterRestart(at(20));
  second->core.process(core::ClientSessionEvent{0, true}, at(21));
  second->deferred.flush([](const bridge::VenueMessageReject&) {}, second->log);
  EXPECT_TRUE(second->outbox.calls.empty());
  EXPECT_FALSE(second->core.venueUp());  // down until the venue session logs on again
}

TEST_F(JournalReplayTest, AJournalRecordThatCannotBeReadStopsTheReplayNamingIt) {
  runScenario();
  store::Batch broken;
  broken.journal.push_back({first_->recorder.currentInput() + 1, at(30).nanos, "client_new_order", "{not json"});
  ASSERT_FALSE(store_->commit(broken));
  Gateway second(config_);
  const app::ReplayResult result =
      app::replayJournal(path_, genesis_, second.core, second.recorder, second.deferred);
  EXPECT_NE(result.error.find("journal record " + std::to_string(first_->recorder.currentInput() + 1)),
            std::string::npos)
      << result.error;
}

}  // namespace
}  // namespace gateway::testing
