// Runs of market-data updates merge per symbol; nothing moves across an order.
#include "gateway/core/market_data_conflation.h"

#include <gtest/gtest.h>

namespace gateway::core {
namespace {

bridge::MarketDataUpdate tick(const char* symbol, std::int64_t bid, std::int64_t last = 0) {
  bridge::MarketDataUpdate update;
  update.symbol = symbol;
  update.bid = bid;
  update.hasBid = true;
  if (last != 0) {
    update.last = last;
    update.hasLast = true;
  }
  return update;
}

const bridge::MarketDataUpdate& at(const std::vector<GatewayInput>& batch, std::size_t i) {
  return std::get<bridge::MarketDataUpdate>(batch[i]);
}

TEST(MarketDataConflationTest, ARunKeepsOneUpdatePerSymbolWithTheLatestOfEachField) {
  std::vector<GatewayInput> batch{tick("A", 1, 10), tick("B", 2), tick("A", 3), tick("B", 4)};
  EXPECT_EQ(conflateMarketData(batch), 2u);
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(at(batch, 0).symbol, "A");
  EXPECT_EQ(at(batch, 0).bid, 3);
  EXPECT_EQ(at(batch, 0).last, 10);  // a field the later update did not carry is kept
  EXPECT_TRUE(at(batch, 0).hasLast);
  EXPECT_EQ(at(batch, 1).bid, 4);
}

TEST(MarketDataConflationTest, AnOrderBetweenTwoTicksKeepsBoth) {
  bridge::ClientNewOrder order;
  order.clOrdId = "O-1";
  std::vector<GatewayInput> batch{tick("A", 1), GatewayInput(order), tick("A", 2)};
  EXPECT_EQ(conflateMarketData(batch), 0u);
  ASSERT_EQ(batch.size(), 3u);
  EXPECT_EQ(at(batch, 0).bid, 1);
  EXPECT_TRUE(std::holds_alternative<bridge::ClientNewOrder>(batch[1]));
  EXPECT_EQ(at(batch, 2).bid, 2);
}

TEST(MarketDataConflationTest, ABatchWithoutMarketDataIsUntouched) {
  std::vector<GatewayInput> batch{GatewayInput(VenueSessionEvent{true}), GatewayInput(ClientSessionEvent{0, true})};
  EXPECT_EQ(conflateMarketData(batch), 0u);
  EXPECT_EQ(batch.size(), 2u);
}

}  // namespace
}  // namespace gateway::core
