#pragma once

// Under a market-data storm the risk thread need not value every account at every intermediate
// price: within one batch, a run of consecutive market-data updates (nothing else between them) is
// merged into one update per symbol, each field taking its latest value. Orders and fills are never
// moved across prices: an update is only merged with updates next to it. The merged updates are what
// the core processes and journals, so a replay sees exactly the same inputs.

#include <vector>

#include "gateway/core/gateway_input.h"

namespace gateway::core {

// Returns how many updates were merged away.
std::size_t conflateMarketData(std::vector<GatewayInput>& batch);

}  // namespace gateway::core
