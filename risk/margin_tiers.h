#pragma once

// A tiered margin schedule: brackets by position notional, each with an initial and a maintenance rate.
//
// For bracket n with notional floor F_n and rate r_n the requirement is N * r_n - cum_n, where
// cum_n = cum_(n-1) + F_n * (r_n - r_(n-1)) and cum_0 = 0. That makes the requirement continuous at
// every floor. Requirements are computed exactly in 1e-16 units and rounded up to the next 1e-8.

#include <vector>

#include "risk/fixed_point.h"

namespace risk {

struct MarginTier {
  Money floor;            // the bracket starts at this notional (first bracket: 0)
  Ratio initialRate;      // 0.10 == 10 % of notional
  Ratio maintenanceRate;  // never above initialRate
};

class TierSchedule {
 public:
  TierSchedule() = default;
  // Tiers must be valid (see validateTiers); an invalid schedule is a broken invariant.
  explicit TierSchedule(std::vector<MarginTier> tiers);

  const std::vector<MarginTier>& tiers() const { return tiers_; }

  // Requirements in 1e-16 money units (exact), for a notional >= 0.
  Wide initialExact(Money notional) const { return requirement(notional, true); }
  Wide maintenanceExact(Money notional) const { return requirement(notional, false); }

 private:
  Wide requirement(Money notional, bool initial) const;

  std::vector<MarginTier> tiers_;
  std::vector<Wide> initialCumulative_;      // cum_n for the initial rates, 1e-16 units
  std::vector<Wide> maintenanceCumulative_;  // cum_n for the maintenance rates, 1e-16 units
};

// Why a tier list is unusable, or empty when it is fine. `index` names the offending tier and
// `field` its offending field ("floor", "initial_rate", "maintenance_rate"; empty for the whole list).
struct TierProblem {
  int index = -1;
  const char* problem = nullptr;
  const char* field = "";
};
TierProblem validateTiers(const std::vector<MarginTier>& tiers);

// An exact requirement (1e-16 units) times the account's house multiplier, rounded up to money.
std::optional<Money> requirementToMoney(Wide exactRequirement, Ratio houseMultiplier);

}  // namespace risk
