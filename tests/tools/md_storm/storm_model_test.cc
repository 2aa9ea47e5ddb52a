// md-storm's margin model: the prices it derives, checked by hand with the formulas of
// risk/README.md and by the real risk core loading the risk.toml md-storm writes.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "gateway/config/risk_config_loader.h"
#include "risk/risk_engine.h"
#include "tools/md_storm/storm_config_files.h"
#include "tools/md_storm/storm_model.h"

namespace md_storm {
namespace {

constexpr std::int64_t kCent = kScale / 100;

TEST(StormModelTest, PricesOfTheDefaultModelByHand) {
  StormModel model;
  StormPrices prices;
  std::string problem;
  ASSERT_TRUE(computePrices(model, prices, problem)) << problem;
  // Long 1,000 at 100 with 20,000 cash: E(p) = 20,000 + 1,000 (p - 100) = 1,000 p - 80,000; MM = 50 p.
  // Health E / MM <= 0.90 (halfway between the floor 0.80 and 1): 1,000 p - 80,000 < 45 p, p < 83.7696:
  // the highest tick is 83.76. There E = 3,760, MM = 4,188, IM = 8,376, health 0.8978: CALL, above the floor.
  EXPECT_EQ(prices.breach, 8376 * kCent);
  const MarginAt atBreach = marginAt(model, prices.breach);
  EXPECT_EQ(atBreach.equity, 3760 * kScale);
  EXPECT_EQ(atBreach.maintenance, 4188 * kScale);
  EXPECT_EQ(atBreach.initial, 8376 * kScale);
  EXPECT_EQ(stateFromNormal(model, prices.breach), ModelState::kCall);
  EXPECT_EQ(stateFromNormal(model, prices.breach + kCent), ModelState::kCall);  // 83.77: health 0.9002

  // Restore at the entry price: E = 20,000 >= IM = 10,000 and >= 1.15 x MM = 5,750: cured into NORMAL.
  EXPECT_EQ(prices.restore, 100 * kScale);
  EXPECT_TRUE(curesToNormal(model, prices.restore));
  const MarginAt atEntry = marginAt(model, prices.restore);
  EXPECT_EQ(atEntry.equity, 20000 * kScale);
  EXPECT_EQ(atEntry.initial, 10000 * kScale);

  // The storm's band [99, 101]: at 99, E = 19,000 >= 1.10 x MM = 5,445: NORMAL.
  EXPECT_EQ(prices.stormLow, 99 * kScale);
  EXPECT_EQ(prices.stormHigh, 101 * kScale);
  EXPECT_EQ(stateFromNormal(model, prices.stormLow), ModelState::kNormal);
}

TEST(StormModelTest, TheFloorAndTheWarningBandByHand) {
  StormModel model;
  // The floor: 1,000 p - 80,000 < 0.80 x 50 p, p < 83.3333: 83.33 liquidates, 83.34 is a call.
  EXPECT_EQ(stateFromNormal(model, 8333 * kCent), ModelState::kLiquidation);
  EXPECT_EQ(stateFromNormal(model, 8334 * kCent), ModelState::kCall);
  // Maintenance: 950 p < 80,000, p < 84.2105: 84.21 is a call, 84.22 a warning.
  EXPECT_EQ(stateFromNormal(model, 8421 * kCent), ModelState::kCall);
  EXPECT_EQ(stateFromNormal(model, 8422 * kCent), ModelState::kWarning);
  // Warning: 1,000 p - 80,000 < 55 p, p < 84.6561: 84.66 is NORMAL.
  EXPECT_EQ(stateFromNormal(model, 8465 * kCent), ModelState::kWarning);
  EXPECT_EQ(stateFromNormal(model, 8466 * kCent), ModelState::kNormal);
  // The cure: E >= IM = 100 p: 900 p >= 80,000, p >= 88.8889.
  EXPECT_FALSE(curesToNormal(model, 8888 * kCent));
  EXPECT_TRUE(curesToNormal(model, 8889 * kCent));
}

TEST(StormModelTest, ModelsWithoutAStormAreRefused) {
  StormPrices prices;
  std::string problem;
  StormModel poor;
  poor.cash = 9999 * kScale;  // below the setup order's initial margin of 10,000
  EXPECT_FALSE(computePrices(poor, prices, problem));
  EXPECT_NE(problem.find("initial margin"), std::string::npos);

  StormModel wild;
  wild.stormSwing = 20 * kScale;  // quotes down to 80 would breach
  EXPECT_FALSE(computePrices(wild, prices, problem));
  EXPECT_NE(problem.find("lowest quote"), std::string::npos);

  StormModel offGrid;
  offGrid.entryPrice = 100 * kScale + 1;
  EXPECT_FALSE(computePrices(offGrid, prices, problem));
}

// The generated risk.toml, loaded by the gateway's own loader into the real risk core, moves the
// account exactly as the model says: storm quotes change nothing, the breach issues a call, the
// restore cures it by prices into NORMAL; five times over.
TEST(StormModelTest, TheRiskCoreAgreesWithTheModel) {
  StormModel model;
  model.symbolCount = 3;
  StormPrices prices;
  std::string problem;
  ASSERT_TRUE(computePrices(model, prices, problem)) << problem;
  const gateway::config::RiskConfigLoad load = gateway::config::loadRiskConfigText(riskConfigText(model), "storm.toml");
  ASSERT_TRUE(load.errors.empty()) << load.errors.front().toString();
  ASSERT_EQ(load.config->instruments.size(), 3u);
  risk::RiskEngine engine(*load.config);
  risk::Events events;
  std::int64_t second = 1;
  const auto at = [&second] { return risk::Timestamp{(second++) * 1000000000LL}; };
  const std::string symbol = model.positionSymbol();
  const auto mark = [&](std::int64_t mid) {
    events.clear();
    engine.apply(risk::MarketData{at(), symbol, risk::Price::fromRaw(mid - model.tick),
                                  risk::Price::fromRaw(mid + model.tick), std::nullopt},
                 events);
  };
  const auto stateOf = [&] { return engine.report(model.account)->state; };

  mark(model.entryPrice);
  const std::vector<std::string> entitled{model.account};
  risk::NewOrder order;
  order.time = at();
  order.clOrdId = "SETUP-1";
  order.account = model.account;
  order.symbol = symbol;
  order.side = risk::Side::kBuy;
  order.type = risk::OrderType::kLimit;
  order.quantity = risk::Quantity::fromRaw(model.quantity * kScale);
  order.limitPrice = risk::Price::fromRaw(model.entryPrice);
  order.entitledAccounts = entitled;
  events.clear();
  engine.apply(order, events);
  ASSERT_TRUE(std::holds_alternative<risk::OrderAccepted>(events.front()));
  events.clear();
  engine.apply(risk::Fill{at(), "SETUP-1", "E-1", order.quantity, order.limitPrice, risk::Money::zero()}, events);
  EXPECT_EQ(engine.report(model.account)->snapshot.equity, risk::Money::fromRaw(model.cash));

  for (int cycle = 0; cycle < 5; ++cycle) {
    for (std::int64_t mid = prices.stormLow; mid <= prices.stormHigh; mid += 37 * model.tick) {
      mark(mid);
      EXPECT_EQ(stateOf(), risk::MarginState::kNormal);
    }
    mark(prices.breach);
    EXPECT_EQ(stateOf(), risk::MarginState::kCall);
    int calls = 0;
    for (const risk::Event& event : events) calls += std::holds_alternative<risk::CallIssued>(event) ? 1 : 0;
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(engine.report(model.account)->snapshot.equity, risk::Money::fromRaw(marginAt(model, prices.breach).equity));
    mark(prices.breach);  // quoted again while the call is open: nothing new
    EXPECT_TRUE(events.empty());
    mark(prices.restore);
    EXPECT_EQ(stateOf(), risk::MarginState::kNormal);
    bool closed = false;
    for (const risk::Event& event : events) {
      if (const auto* close = std::get_if<risk::CallClosed>(&event)) {
        closed = close->outcome == risk::CallOutcome::kCuredByPrices;
      }
    }
    EXPECT_TRUE(closed);
  }
}

// The plan both settings tests start from: fixed ports and an absolute dictionary path.
SessionPlan testPlan() {
  SessionPlan plan;
  plan.clientPort = 40001;
  plan.venuePort = 40002;
  plan.dictionary = "/abs/FIX44-gateway.xml";
  return plan;
}

TEST(StormConfigFilesTest, GatewaySettingsNameBothSessionsAndPorts) {
  StormModel model;
  const SessionPlan plan = testPlan();
  const std::string text = gatewaySettingsText(plan, model);
  EXPECT_NE(text.find("SocketAcceptPort=40001"), std::string::npos);
  EXPECT_NE(text.find("SocketConnectPort=40002"), std::string::npos);
  EXPECT_NE(text.find("DataDictionary=/abs/FIX44-gateway.xml"), std::string::npos);
  EXPECT_NE(text.find("Accounts=ACC-STORM"), std::string::npos);
  EXPECT_NE(text.find("TargetCompID=VENUE"), std::string::npos);
  EXPECT_NE(text.find("GatewayRole=venue"), std::string::npos);
  EXPECT_EQ(text.find("CLIENT2"), std::string::npos) << "no order flow: one client session";
  EXPECT_EQ(riskConfigText(model).find(model.flowAccount), std::string::npos);
}

// With the order flow: a second client session entitled to the flow account alone, and the flow
// account in risk.toml, which the gateway's loader accepts.
TEST(StormConfigFilesTest, TheOrderFlowAddsItsSessionAndAccount) {
  StormModel model;
  SessionPlan plan = testPlan();
  plan.orderFlow = true;
  const std::string text = gatewaySettingsText(plan, model);
  EXPECT_NE(text.find("TargetCompID=CLIENT2\nSocketAcceptPort=40001\nPassword=flow-password\nAccounts=ACC-FLOW\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Accounts=ACC-STORM"), std::string::npos);
  const gateway::config::RiskConfigLoad load = gateway::config::loadRiskConfigText(riskConfigText(model, true), "storm.toml");
  ASSERT_TRUE(load.errors.empty()) << load.errors.front().toString();
  EXPECT_NE(riskConfigText(model, true).find("id = \"ACC-FLOW\"\ncurrency = \"USD\"\ncash = \"100000000\""),
            std::string::npos);
}

}  // namespace
}  // namespace md_storm
