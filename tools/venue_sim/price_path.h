#pragma once

// The venue's source of prices: either random walks (every step moves every walk) or a scenario
// (every step applies the next row). Not thread-safe; the simulator serialises calls.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tools/venue_sim/random_walk.h"
#include "tools/venue_sim/scenario_file.h"

namespace venue_sim {

class PricePath {
 public:
  PricePath(const std::vector<RandomWalkSpec>& walks, std::uint64_t seed, const std::vector<ScenarioRow>& scenario);

  // Symbols the venue trades from the start, and the markets it opens with (the walks' starts).
  std::vector<std::string> symbols() const;
  std::vector<MarketUpdate> opening() const;

  bool hasScenario() const { return !scenario_.empty(); }
  // The next scenario row's offset; false when there is no scenario or it is played out.
  bool nextOffsetMs(std::int64_t& offsetMs) const;
  // The next step's market changes; false when there is nothing more to play.
  bool next(std::vector<MarketUpdate>& updates);

 private:
  RandomWalks walks_;
  std::vector<ScenarioRow> scenario_;
  std::size_t nextRow_ = 0;
};

}  // namespace venue_sim
