#include "risk/margin_tiers.h"

#include <cstdlib>
#include <utility>

namespace risk {

TierSchedule::TierSchedule(std::vector<MarginTier> tiers) : tiers_(std::move(tiers)) {
  if (validateTiers(tiers_).problem != nullptr) std::abort();  // the loader validates first
  Wide initialCum = 0;
  Wide maintenanceCum = 0;
  Ratio previousInitial = Ratio::zero();
  Ratio previousMaintenance = Ratio::zero();
  for (const MarginTier& tier : tiers_) {
    initialCum += tier.floor.wide() * (tier.initialRate.wide() - previousInitial.wide());
    maintenanceCum += tier.floor.wide() * (tier.maintenanceRate.wide() - previousMaintenance.wide());
    initialCumulative_.push_back(initialCum);
    maintenanceCumulative_.push_back(maintenanceCum);
    previousInitial = tier.initialRate;
    previousMaintenance = tier.maintenanceRate;
  }
}

Wide TierSchedule::requirement(Money notional, bool initial) const {
  if (notional.raw() <= 0 || tiers_.empty()) return 0;
  std::size_t bracket = 0;
  while (bracket + 1 < tiers_.size() && tiers_[bracket + 1].floor <= notional) ++bracket;
  const MarginTier& tier = tiers_[bracket];
  const Ratio rate = initial ? tier.initialRate : tier.maintenanceRate;
  const Wide cumulative = initial ? initialCumulative_[bracket] : maintenanceCumulative_[bracket];
  return notional.wide() * rate.wide() - cumulative;
}

TierProblem validateTiers(const std::vector<MarginTier>& tiers) {
  if (tiers.empty()) return {-1, "at least one tier is required"};
  if (!tiers.front().floor.isZero()) return {0, "the first tier's floor must be 0", "floor"};
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const MarginTier& tier = tiers[i];
    const int index = static_cast<int>(i);
    if (tier.initialRate.isNegative()) return {index, "initial rate is negative", "initial_rate"};
    if (tier.maintenanceRate.isNegative()) return {index, "maintenance rate is negative", "maintenance_rate"};
    if (tier.initialRate > Ratio::fromUnits(1)) return {index, "initial rate is above 1 (100 %)", "initial_rate"};
    if (tier.maintenanceRate > tier.initialRate) return {index, "maintenance rate is above the initial rate", "maintenance_rate"};
    if (i > 0) {
      const MarginTier& previous = tiers[i - 1];
      if (tier.floor <= previous.floor) return {index, "tier floors must be strictly increasing", "floor"};
      if (tier.initialRate < previous.initialRate) return {index, "initial rate falls from the previous tier", "initial_rate"};
      if (tier.maintenanceRate < previous.maintenanceRate) {
        return {index, "maintenance rate falls from the previous tier", "maintenance_rate"};
      }
    }
  }
  return {};
}

std::optional<Money> requirementToMoney(Wide exactRequirement, Ratio houseMultiplier) {
  // exactRequirement is in 1e-16 units; times the multiplier (1e-8) gives 1e-24 units.
  Wide scaled = 0;
  if (__builtin_mul_overflow(exactRequirement, houseMultiplier.wide(), &scaled)) return std::nullopt;
  return Money::fromWide(divideRounded(scaled, Wide{kScale} * kScale, Rounding::kCeiling));
}

}  // namespace risk
