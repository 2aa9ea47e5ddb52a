#include "tools/md_storm/storm_model.h"

namespace md_storm {
namespace {

using Wide = __int128;

// rate x amount, both at 1e-8, rounded up at 1e-8 (requirements never round in the client's favour).
std::int64_t requirement(std::int64_t rate, std::int64_t notional) {
  const Wide product = static_cast<Wide>(rate) * notional;
  Wide result = product / kScale;
  if (product % kScale > 0) ++result;
  return static_cast<std::int64_t>(result);
}

// E < ratio x MM, decided exactly (E x 1e8 < ratio x MM), as the risk core compares thresholds.
bool below(std::int64_t equity, std::int64_t ratio, std::int64_t maintenance) {
  return static_cast<Wide>(equity) * kScale < static_cast<Wide>(ratio) * maintenance;
}

}  // namespace

const char* toString(ModelState state) {
  switch (state) {
    case ModelState::kNormal: return "NORMAL";
    case ModelState::kWarning: return "WARNING";
    case ModelState::kCall: return "CALL";
    case ModelState::kLiquidation: return "LIQUIDATION";
  }
  return "?";
}

std::string StormModel::symbol(int index) const { return "STORM" + std::to_string(index); }

MarginAt marginAt(const StormModel& model, std::int64_t price) {
  MarginAt margin;
  const std::int64_t notional = model.quantity * price;  // multiplier 1
  margin.equity = model.cash + model.quantity * (price - model.entryPrice);
  margin.maintenance = requirement(model.maintenanceRate, notional);
  margin.initial = requirement(model.initialRate, notional);
  return margin;
}

ModelState stateFromNormal(const StormModel& model, std::int64_t price) {
  const MarginAt margin = marginAt(model, price);
  if (margin.equity <= 0 || below(margin.equity, model.liquidationFloor, margin.maintenance)) {
    return ModelState::kLiquidation;
  }
  if (margin.equity < margin.maintenance) return ModelState::kCall;
  if (below(margin.equity, model.warningEnter, margin.maintenance)) return ModelState::kWarning;
  return ModelState::kNormal;
}

bool curesToNormal(const StormModel& model, std::int64_t price) {
  const MarginAt margin = marginAt(model, price);
  return margin.equity >= margin.initial && !below(margin.equity, model.warningExit, margin.maintenance);
}

bool computePrices(const StormModel& model, StormPrices& prices, std::string& problem) {
  if (model.quantity <= 0 || model.entryPrice <= 0 || model.tick <= 0 || model.symbolCount < 1) {
    problem = "quantity, entry price, tick and symbol count must be positive";
    return false;
  }
  if (model.entryPrice % model.tick != 0 || model.stormSwing % model.tick != 0 ||
      model.otherPrice % model.tick != 0) {
    problem = "entry price, other price and storm swing must be on the tick grid";
    return false;
  }
  // The setup order (buy quantity at the entry price, marked there) must pass the pre-trade check:
  // available funds after it, cash - IM, not below zero.
  const MarginAt atEntry = marginAt(model, model.entryPrice);
  if (model.cash < atEntry.initial) {
    problem = "cash does not cover the initial margin of the setup order";
    return false;
  }
  prices.restore = model.entryPrice;
  if (!curesToNormal(model, prices.restore)) {
    problem = "the entry price does not cure a call into NORMAL";
    return false;
  }
  prices.stormLow = model.entryPrice - model.stormSwing;
  prices.stormHigh = model.entryPrice + model.stormSwing;
  if (prices.stormLow - model.tick <= 0 || model.otherPrice - model.stormSwing - model.tick <= 0) {
    problem = "the storm's quotes would not stay positive";
    return false;
  }
  // A long position's health falls with the price: the lowest storm quote is the worst case.
  if (stateFromNormal(model, prices.stormLow) != ModelState::kNormal) {
    problem = "the storm's lowest quote would leave NORMAL";
    return false;
  }
  // The breach: the highest tick below the entry at which health is at most halfway between the
  // liquidation floor and 1, so it lands in CALL with room on both sides.
  const std::int64_t target = (kScale + model.liquidationFloor) / 2;
  for (std::int64_t price = model.entryPrice - model.tick; price > 0; price -= model.tick) {
    const MarginAt margin = marginAt(model, price);
    if (below(margin.equity, target, margin.maintenance)) {
      if (stateFromNormal(model, price) != ModelState::kCall) {
        problem = "no tick between maintenance and the liquidation floor";
        return false;
      }
      prices.breach = price;
      return true;
    }
  }
  problem = "no breaching price above zero";
  return false;
}

}  // namespace md_storm
