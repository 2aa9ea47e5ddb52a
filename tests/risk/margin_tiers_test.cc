#include "risk/margin_tiers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string_view>
#include <vector>

namespace risk {
namespace {

using ::testing::HasSubstr;

constexpr Wide kScaleSquared = Wide{kScale} * kScale;

Money money(std::string_view text) { return *Money::parse(text).value; }
Ratio ratio(std::string_view text) { return *Ratio::parse(text).value; }

// Whole money units in the exact 1e-16 representation of the requirements.
Wide exactUnits(int64_t units) { return Wide{units} * kScaleSquared; }

MarginTier tier(std::string_view floor, std::string_view initialRate, std::string_view maintenanceRate) {
  return {money(floor), ratio(initialRate), ratio(maintenanceRate)};
}

// Floors 0 / 5,000,000 / 20,000,000; initial 0.10 / 0.15 / 0.25; maintenance 0.05 / 0.08 / 0.15.
// Initial cum:     cum_1 = 0, cum_2 = 0 + 5,000,000 x (0.15 - 0.10) = 250,000,
//                  cum_3 = 250,000 + 20,000,000 x (0.25 - 0.15) = 2,250,000.
// Maintenance cum: cum_1 = 0, cum_2 = 5,000,000 x (0.08 - 0.05) = 150,000,
//                  cum_3 = 150,000 + 20,000,000 x (0.15 - 0.08) = 1,550,000.
std::vector<MarginTier> threeTiers() {
  return {tier("0", "0.10", "0.05"), tier("5000000", "0.15", "0.08"), tier("20000000", "0.25", "0.15")};
}

// The same requirement computed another way: the notional in each bracket times that bracket's rate, summed.
Wide referenceRequirement(const std::vector<MarginTier>& tiers, Money notional, bool initial) {
  Wide total = 0;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const Wide low = tiers[i].floor.wide();
    if (notional.wide() <= low) break;
    const Wide high = i + 1 < tiers.size() ? std::min(notional.wide(), tiers[i + 1].floor.wide()) : notional.wide();
    const Ratio rate = initial ? tiers[i].initialRate : tiers[i].maintenanceRate;
    total += (high - low) * rate.wide();
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// validateTiers

TEST(MarginTiersTest, AcceptsAValidSchedule) {
  const TierProblem problem = validateTiers(threeTiers());
  EXPECT_EQ(problem.problem, nullptr);
  EXPECT_EQ(problem.index, -1);
  // A single tier at 100 % initial is fine; maintenance may equal initial.
  EXPECT_EQ(validateTiers({tier("0", "1", "1")}).problem, nullptr);
  // Equal rates across tiers are allowed (non-decreasing, not strictly increasing).
  EXPECT_EQ(validateTiers({tier("0", "0.1", "0.05"), tier("100", "0.1", "0.05")}).problem, nullptr);
}

TEST(MarginTiersTest, RejectsAnEmptySchedule) {
  const TierProblem problem = validateTiers({});
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, -1);
  EXPECT_THAT(problem.problem, HasSubstr("at least one tier"));
}

TEST(MarginTiersTest, RejectsAFirstFloorOtherThanZero) {
  for (const std::string_view floor : {"1", "0.00000001", "-1"}) {
    SCOPED_TRACE(floor);
    const TierProblem problem = validateTiers({tier(floor, "0.1", "0.05")});
    ASSERT_NE(problem.problem, nullptr);
    EXPECT_EQ(problem.index, 0);
    EXPECT_THAT(problem.problem, HasSubstr("floor must be 0"));
  }
}

TEST(MarginTiersTest, RejectsNegativeRates) {
  std::vector<MarginTier> tiers = threeTiers();
  tiers[0].maintenanceRate = ratio("-0.01");
  TierProblem problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 0);
  EXPECT_THAT(problem.problem, HasSubstr("maintenance rate is negative"));

  tiers = threeTiers();
  tiers[0].initialRate = ratio("-0.00000001");
  tiers[0].maintenanceRate = ratio("-0.00000001");
  problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 0);
  EXPECT_THAT(problem.problem, HasSubstr("initial rate is negative"));
}

TEST(MarginTiersTest, RejectsAnInitialRateAboveOne) {
  std::vector<MarginTier> tiers = threeTiers();
  tiers[2].initialRate = ratio("1.00000001");
  const TierProblem problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 2);
  EXPECT_THAT(problem.problem, HasSubstr("above 1"));
}

TEST(MarginTiersTest, RejectsMaintenanceAboveInitial) {
  std::vector<MarginTier> tiers = threeTiers();
  tiers[1].maintenanceRate = ratio("0.15000001");  // initial is 0.15
  const TierProblem problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 1);
  EXPECT_THAT(problem.problem, HasSubstr("maintenance rate is above the initial rate"));
}

TEST(MarginTiersTest, RejectsFloorsThatDoNotIncrease) {
  std::vector<MarginTier> tiers = threeTiers();
  tiers[2].floor = tiers[1].floor;  // equal
  TierProblem problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 2);
  EXPECT_THAT(problem.problem, HasSubstr("strictly increasing"));

  tiers = threeTiers();
  tiers[2].floor = money("4999999.99999999");  // below tier 1's 5,000,000
  problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 2);
  EXPECT_THAT(problem.problem, HasSubstr("strictly increasing"));
}

TEST(MarginTiersTest, RejectsFallingRates) {
  std::vector<MarginTier> tiers = threeTiers();
  tiers[2].initialRate = ratio("0.14999999");  // tier 1 has 0.15
  tiers[2].maintenanceRate = ratio("0.08");
  TierProblem problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 2);
  EXPECT_THAT(problem.problem, HasSubstr("initial rate falls"));

  tiers = threeTiers();
  tiers[1].maintenanceRate = ratio("0.04999999");  // tier 0 has 0.05
  problem = validateTiers(tiers);
  ASSERT_NE(problem.problem, nullptr);
  EXPECT_EQ(problem.index, 1);
  EXPECT_THAT(problem.problem, HasSubstr("maintenance rate falls"));
}

TEST(MarginTiersDeathTest, ConstructorAbortsOnAnInvalidSchedule) {
  EXPECT_DEATH(TierSchedule(std::vector<MarginTier>{}), "");
  EXPECT_DEATH(TierSchedule({tier("1", "0.1", "0.05")}), "");
}

// ---------------------------------------------------------------------------------------------
// Requirements

TEST(MarginTiersTest, ZeroNotionalNeedsNothing) {
  const TierSchedule schedule(threeTiers());
  EXPECT_EQ(schedule.initialExact(Money::zero()), 0);
  EXPECT_EQ(schedule.maintenanceExact(Money::zero()), 0);
  EXPECT_EQ(TierSchedule().initialExact(money("1000")), 0);  // an empty (default) schedule
}

TEST(MarginTiersTest, RequirementInsideTheFirstBracket) {
  const TierSchedule schedule(threeTiers());
  // 1,000,000 x 0.10 = 100,000; 1,000,000 x 0.05 = 50,000.
  EXPECT_EQ(schedule.initialExact(money("1000000")), exactUnits(100'000));
  EXPECT_EQ(schedule.maintenanceExact(money("1000000")), exactUnits(50'000));
  // 0.00000001 x 0.10 = 1e-9: 1 raw x 10,000,000 raw = 1e7 units of 1e-16.
  EXPECT_EQ(schedule.initialExact(Money::fromRaw(1)), Wide{10'000'000});
  // 4,999,999.99999999 x 0.10 = 499,999.999999999 (exact, 1e-16 units).
  EXPECT_EQ(schedule.initialExact(money("4999999.99999999")), exactUnits(500'000) - Wide{10'000'000});
}

TEST(MarginTiersTest, RequirementsAcrossBracketsMatchHandComputedValues) {
  const TierSchedule schedule(threeTiers());
  // IM(10,000,000) = 10,000,000 x 0.15 - 250,000 = 1,500,000 - 250,000 = 1,250,000.
  EXPECT_EQ(schedule.initialExact(money("10000000")), exactUnits(1'250'000));
  // MM(10,000,000) = 10,000,000 x 0.08 - 150,000 = 800,000 - 150,000 = 650,000.
  EXPECT_EQ(schedule.maintenanceExact(money("10000000")), exactUnits(650'000));
  // IM(30,000,000) = 30,000,000 x 0.25 - 2,250,000 = 5,250,000
  //   (check: 5M x 0.10 + 15M x 0.15 + 10M x 0.25 = 500,000 + 2,250,000 + 2,500,000).
  EXPECT_EQ(schedule.initialExact(money("30000000")), exactUnits(5'250'000));
  // MM(30,000,000) = 30,000,000 x 0.15 - 1,550,000 = 2,950,000
  //   (check: 5M x 0.05 + 15M x 0.08 + 10M x 0.15 = 250,000 + 1,200,000 + 1,500,000).
  EXPECT_EQ(schedule.maintenanceExact(money("30000000")), exactUnits(2'950'000));
  // IM(7,500,000.5) = 7,500,000.5 x 0.15 - 250,000 = 1,125,000.075 - 250,000 = 875,000.075.
  EXPECT_EQ(schedule.initialExact(money("7500000.5")), exactUnits(875'000) + Wide{75} * kScaleSquared / 1000);
}

TEST(MarginTiersTest, RequirementIsContinuousAtEveryFloor) {
  const TierSchedule schedule(threeTiers());
  // At the floors: IM(5M) = 5M x 0.10 = 500,000 (bracket 1) = 5M x 0.15 - 250,000 (bracket 2).
  EXPECT_EQ(schedule.initialExact(money("5000000")), exactUnits(500'000));
  // MM(5M) = 5M x 0.05 = 250,000 = 5M x 0.08 - 150,000.
  EXPECT_EQ(schedule.maintenanceExact(money("5000000")), exactUnits(250'000));
  // IM(20M) = 20M x 0.15 - 250,000 = 2,750,000 = 20M x 0.25 - 2,250,000.
  EXPECT_EQ(schedule.initialExact(money("20000000")), exactUnits(2'750'000));
  // MM(20M) = 20M x 0.08 - 150,000 = 1,450,000 = 20M x 0.15 - 1,550,000.
  EXPECT_EQ(schedule.maintenanceExact(money("20000000")), exactUnits(1'450'000));

  // Generally: bracket n-1's formula evaluated at F_n equals the requirement at F_n - 1e-8 (which is in
  // bracket n-1) plus 1e-8 x r_(n-1); and one unit above the floor adds 1e-8 x r_n.
  const std::vector<MarginTier> tiers = threeTiers();
  for (std::size_t n = 1; n < tiers.size(); ++n) {
    SCOPED_TRACE(n);
    const Money floor = tiers[n].floor;
    const Money below = Money::fromRaw(floor.raw() - 1);
    const Money above = Money::fromRaw(floor.raw() + 1);
    EXPECT_EQ(schedule.initialExact(below) + tiers[n - 1].initialRate.wide(), schedule.initialExact(floor));
    EXPECT_EQ(schedule.maintenanceExact(below) + tiers[n - 1].maintenanceRate.wide(),
              schedule.maintenanceExact(floor));
    EXPECT_EQ(schedule.initialExact(floor) + tiers[n].initialRate.wide(), schedule.initialExact(above));
    EXPECT_EQ(schedule.maintenanceExact(floor) + tiers[n].maintenanceRate.wide(), schedule.maintenanceExact(above));
  }
}

TEST(MarginTiersTest, RequirementIsMonotonicAndMatchesABracketSum) {
  const std::vector<MarginTier> tiers = threeTiers();
  const TierSchedule schedule(tiers);
  Wide previousInitial = 0;
  Wide previousMaintenance = 0;
  // Sweep 0 .. ~40,000,000 in steps of 37,123.45678901 (not aligned with any floor).
  const int64_t step = 3'712'345'678'901;
  for (int64_t raw = 0; raw <= 40'000'000 * kScale; raw += step) {
    const Money notional = Money::fromRaw(raw);
    const Wide initial = schedule.initialExact(notional);
    const Wide maintenance = schedule.maintenanceExact(notional);
    ASSERT_GE(initial, previousInitial) << notional.toString();
    ASSERT_GE(maintenance, previousMaintenance) << notional.toString();
    ASSERT_GE(initial, maintenance) << notional.toString();
    ASSERT_EQ(initial, referenceRequirement(tiers, notional, true)) << notional.toString();
    ASSERT_EQ(maintenance, referenceRequirement(tiers, notional, false)) << notional.toString();
    previousInitial = initial;
    previousMaintenance = maintenance;
  }

  // Random notionals over the whole money range, sorted.
  std::mt19937_64 random(99);
  std::vector<int64_t> raws;
  for (int i = 0; i < 20'000; ++i) raws.push_back(static_cast<int64_t>((random() >> 1) >> (random() % 50)));
  std::sort(raws.begin(), raws.end());
  previousInitial = 0;
  previousMaintenance = 0;
  for (const int64_t raw : raws) {
    const Money notional = Money::fromRaw(raw);
    const Wide initial = schedule.initialExact(notional);
    const Wide maintenance = schedule.maintenanceExact(notional);
    ASSERT_GE(initial, previousInitial);
    ASSERT_GE(maintenance, previousMaintenance);
    ASSERT_EQ(initial, referenceRequirement(tiers, notional, true));
    ASSERT_EQ(maintenance, referenceRequirement(tiers, notional, false));
    previousInitial = initial;
    previousMaintenance = maintenance;
  }
}

TEST(MarginTiersTest, FullRateScheduleAtTheTopOfTheRange) {
  // Rates up to 100 %: the requirement never exceeds the notional, so even max notional does not overflow.
  const TierSchedule schedule({tier("0", "0.5", "0.25"), tier("1000", "1", "1")});
  // max x 1 - cum, cum = 1000 x (1 - 0.5) = 500 -> max - 500 money, exact.
  EXPECT_EQ(schedule.initialExact(Money::max()), Wide{kMaxRaw} * kScale - exactUnits(500));
  EXPECT_EQ(requirementToMoney(schedule.initialExact(Money::max()), ratio("1")),
            Money::fromRaw(kMaxRaw - 500 * kScale));
}

// ---------------------------------------------------------------------------------------------
// requirementToMoney

TEST(MarginTiersTest, RequirementToMoneyRoundsUp) {
  const TierSchedule schedule(threeTiers());
  // 499,999.999999999 has a 1e-9 part: up to 500,000.00000000.
  EXPECT_EQ(requirementToMoney(schedule.initialExact(money("4999999.99999999")), ratio("1")), money("500000"));
  // 0.00000001 x 0.10 = 1e-9 -> 0.00000001.
  EXPECT_EQ(requirementToMoney(schedule.initialExact(Money::fromRaw(1)), ratio("1")), Money::fromRaw(1));
  // The smallest exact unit (1e-16) still rounds up to 1e-8; exactly 1e-8 stays.
  EXPECT_EQ(requirementToMoney(1, ratio("1")), Money::fromRaw(1));
  EXPECT_EQ(requirementToMoney(kScale, ratio("1")), Money::fromRaw(1));
  EXPECT_EQ(requirementToMoney(kScale + 1, ratio("1")), Money::fromRaw(2));
  EXPECT_EQ(requirementToMoney(0, ratio("1.5")), Money::zero());
  // Whole values do not move.
  EXPECT_EQ(requirementToMoney(schedule.initialExact(money("10000000")), ratio("1")), money("1250000"));
}

TEST(MarginTiersTest, RequirementToMoneyAppliesTheHouseMultiplier) {
  const TierSchedule schedule(threeTiers());
  // 1,250,000 x 1.5 = 1,875,000.
  EXPECT_EQ(requirementToMoney(schedule.initialExact(money("10000000")), ratio("1.5")), money("1875000"));
  // 650,000 x 1.5 = 975,000.
  EXPECT_EQ(requirementToMoney(schedule.maintenanceExact(money("10000000")), ratio("1.5")), money("975000"));
  // 875,000.075 x 1.5 = 1,312,500.1125 -> exact in 1e-8, stays.
  EXPECT_EQ(requirementToMoney(schedule.initialExact(money("7500000.5")), ratio("1.5")), money("1312500.1125"));
  // 1e-16 x 1.5 = 1.5e-16 -> up to 0.00000001.
  EXPECT_EQ(requirementToMoney(1, ratio("1.5")), Money::fromRaw(1));
  // 499,999.999999999 x 1.5 = 749,999.9999999985 -> up to 750,000.
  EXPECT_EQ(requirementToMoney(schedule.initialExact(money("4999999.99999999")), ratio("1.5")), money("750000"));
  // A multiplier of 0 waives the requirement.
  EXPECT_EQ(requirementToMoney(schedule.initialExact(money("10000000")), Ratio::zero()), Money::zero());
}

TEST(MarginTiersTest, RequirementToMoneyReportsOverflow) {
  // max money exactly (max raw x 1e8 in 1e-16 units) x 1 fits; x 1.00000001 does not (rounded up above max).
  const Wide maxExact = Wide{kMaxRaw} * kScale;
  EXPECT_EQ(requirementToMoney(maxExact, ratio("1")), Money::max());
  EXPECT_FALSE(requirementToMoney(maxExact, ratio("1.00000001")));
  EXPECT_FALSE(requirementToMoney(maxExact + 1, ratio("1")));  // rounds up to max + 1 raw
  EXPECT_FALSE(requirementToMoney(maxExact, ratio("2")));
  // The product itself would not fit 128 bits: 2^120 x ~9.2e18.
  EXPECT_FALSE(requirementToMoney(Wide{1} << 120, Ratio::max()));
}

}  // namespace
}  // namespace risk
