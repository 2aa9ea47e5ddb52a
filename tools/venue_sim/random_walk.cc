#include "tools/venue_sim/random_walk.h"

#include "gateway/bridge/fix_decimal.h"

namespace venue_sim {
namespace {

constexpr std::int64_t kDefaultTick = kDecimalScale / 100;  // 0.01

}  // namespace

RandomWalkSpec parseRandomWalkSpec(const std::string& text) {
  RandomWalkSpec spec;
  const std::size_t first = text.find(':');
  if (first == std::string::npos || first == 0) {
    throw std::invalid_argument("random walk '" + text + "' must be SYMBOL:START[:TICK]");
  }
  spec.symbol = text.substr(0, first);
  const std::size_t second = text.find(':', first + 1);
  const std::string start = text.substr(first + 1, second == std::string::npos ? std::string::npos
                                                                                : second - first - 1);
  if (!gateway::bridge::parseFixDecimal(start, spec.start) || spec.start <= 0) {
    throw std::invalid_argument("random walk '" + text + "': START '" + start + "' is not a positive decimal");
  }
  spec.tick = kDefaultTick;
  if (second != std::string::npos) {
    const std::string tick = text.substr(second + 1);
    if (!gateway::bridge::parseFixDecimal(tick, spec.tick) || spec.tick <= 0) {
      throw std::invalid_argument("random walk '" + text + "': TICK '" + tick + "' is not a positive decimal");
    }
  }
  if (spec.start <= spec.tick) {
    throw std::invalid_argument("random walk '" + text + "': START must be above one TICK (bid = mid - tick)");
  }
  return spec;
}

RandomWalks::RandomWalks(const std::vector<RandomWalkSpec>& specs, std::uint64_t seed) : generator_(seed) {
  for (const RandomWalkSpec& spec : specs) walks_.push_back(Walk{spec, spec.start});
}

MarketUpdate RandomWalks::marketOf(const Walk& walk) {
  MarketUpdate update;
  update.symbol = walk.spec.symbol;
  update.changes.hasBid = update.changes.hasAsk = update.changes.hasLast = true;
  update.changes.bid = walk.mid - walk.spec.tick;
  update.changes.ask = walk.mid + walk.spec.tick;
  update.changes.last = walk.mid;
  return update;
}

std::vector<MarketUpdate> RandomWalks::initial() const {
  std::vector<MarketUpdate> markets;
  for (const Walk& walk : walks_) markets.push_back(marketOf(walk));
  return markets;
}

std::vector<MarketUpdate> RandomWalks::step() {
  std::vector<MarketUpdate> markets;
  for (Walk& walk : walks_) {
    const int move = static_cast<int>(generator_() % 3) - 1;
    std::int64_t next = walk.mid + move * walk.spec.tick;
    if (next - walk.spec.tick <= 0) next = walk.mid + walk.spec.tick;  // reflect: keep the bid positive
    walk.mid = next;
    markets.push_back(marketOf(walk));
  }
  return markets;
}

}  // namespace venue_sim
