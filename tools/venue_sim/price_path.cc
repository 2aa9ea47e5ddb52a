#include "tools/venue_sim/price_path.h"

#include <set>

namespace venue_sim {

PricePath::PricePath(const std::vector<RandomWalkSpec>& walks, std::uint64_t seed,
                     const std::vector<ScenarioRow>& scenario)
    : walks_(walks, seed), scenario_(scenario) {}

std::vector<std::string> PricePath::symbols() const {
  std::set<std::string> names;
  for (const MarketUpdate& market : walks_.initial()) names.insert(market.symbol);
  for (const ScenarioRow& row : scenario_) names.insert(row.update.symbol);
  return std::vector<std::string>(names.begin(), names.end());
}

std::vector<MarketUpdate> PricePath::opening() const { return walks_.initial(); }

bool PricePath::nextOffsetMs(std::int64_t& offsetMs) const {
  if (nextRow_ >= scenario_.size()) return false;
  offsetMs = scenario_[nextRow_].offsetMs;
  return true;
}

bool PricePath::next(std::vector<MarketUpdate>& updates) {
  updates.clear();
  if (!scenario_.empty()) {
    if (nextRow_ >= scenario_.size()) return false;
    updates.push_back(scenario_[nextRow_++].update);
    return true;
  }
  if (walks_.empty()) return false;
  updates = walks_.step();
  return true;
}

}  // namespace venue_sim
