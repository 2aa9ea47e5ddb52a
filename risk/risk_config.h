#pragma once

// The risk configuration as the core sees it: already parsed and validated (gateway/config loads it
// from fix-config/risk.toml). The core treats an invalid configuration as a broken invariant.

#include <string>
#include <vector>

#include "risk/fixed_point.h"
#include "risk/instrument.h"
#include "risk/time.h"

namespace risk {

// Levels are multiples of maintenance margin, compared exactly: warning when E < warningEnter * MM.
struct Thresholds {
  Ratio warningEnter = Ratio::fromRaw(110'000'000);     // 1.10
  Ratio warningExit = Ratio::fromRaw(115'000'000);      // 1.15, hysteresis above warningEnter
  Ratio liquidationFloor = Ratio::fromRaw(80'000'000);  // 0.80: health below it liquidates at once
  Duration callGracePeriod = Duration::fromSeconds(3600);  // the call's deadline is issue time + this
  Money escalationStep = Money::fromUnits(1000);        // re-notify when amount to cure grows by more
};

struct AccountConfig {
  std::string id;
  std::string currency;
  Money cash;                                   // opening collateral
  Ratio houseMultiplier = Ratio::fromUnits(1);  // scales every requirement of the account
  Thresholds thresholds;
};

struct RiskConfig {
  std::vector<Instrument> instruments;
  std::vector<AccountConfig> accounts;
  Thresholds defaultThresholds;
};

}  // namespace risk
