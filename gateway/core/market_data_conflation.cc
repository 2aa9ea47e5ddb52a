#include "gateway/core/market_data_conflation.h"

#include <string>

namespace gateway::core {
namespace {

void mergeInto(bridge::MarketDataUpdate& into, const bridge::MarketDataUpdate& later) {
  if (later.hasBid) {
    into.bid = later.bid;
    into.hasBid = true;
  }
  if (later.hasAsk) {
    into.ask = later.ask;
    into.hasAsk = true;
  }
  if (later.hasLast) {
    into.last = later.last;
    into.hasLast = true;
  }
}

}  // namespace

std::size_t conflateMarketData(std::vector<GatewayInput>& batch) {
  std::vector<GatewayInput> out;
  out.reserve(batch.size());
  std::size_t runStart = 0;  // index in `out` of the current run's first update
  bool inRun = false;
  for (GatewayInput& input : batch) {
    auto* update = std::get_if<bridge::MarketDataUpdate>(&input);
    if (!update) {
      inRun = false;
      out.push_back(std::move(input));
      continue;
    }
    if (!inRun) {
      inRun = true;
      runStart = out.size();
    }
    bool merged = false;
    for (std::size_t i = runStart; i < out.size(); ++i) {
      auto& earlier = std::get<bridge::MarketDataUpdate>(out[i]);
      if (earlier.symbol == update->symbol) {
        mergeInto(earlier, *update);
        merged = true;
        break;
      }
    }
    if (!merged) out.push_back(std::move(input));
  }
  const std::size_t removed = batch.size() - out.size();
  batch.swap(out);
  return removed;
}

}  // namespace gateway::core
