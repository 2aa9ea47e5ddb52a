#pragma once

// Random-walk price paths: a mid that moves by whole ticks; bid = mid - tick, ask = mid + tick,
// last = mid. Deterministic for a given seed.

#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/venue_sim/venue_types.h"

namespace venue_sim {

struct RandomWalkSpec {
  std::string symbol;
  std::int64_t start = 0;  // raw 1e-8
  std::int64_t tick = 0;   // raw 1e-8, > 0
};

// Parses "SYMBOL:START[:TICK]"; the default tick is 0.01. Throws std::invalid_argument with the problem.
RandomWalkSpec parseRandomWalkSpec(const std::string& text);

class RandomWalks {
 public:
  RandomWalks(const std::vector<RandomWalkSpec>& specs, std::uint64_t seed);

  bool empty() const { return walks_.empty(); }
  // The starting market of every walk.
  std::vector<MarketUpdate> initial() const;
  // Moves every walk by -1, 0 or +1 tick and returns the new markets.
  std::vector<MarketUpdate> step();

 private:
  struct Walk {
    RandomWalkSpec spec;
    std::int64_t mid;
  };
  static MarketUpdate marketOf(const Walk& walk);

  std::vector<Walk> walks_;
  std::mt19937_64 generator_;
};

}  // namespace venue_sim
