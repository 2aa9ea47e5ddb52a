#pragma once

// The margin model md-storm sets up and the prices it derives from it. C++14-clean, no QuickFIX.
//
// One account holds one long position in the storm's first symbol (multiplier 1, one flat margin
// tier, house multiplier 1), so the formulas of risk/README.md reduce to, at a mark p:
//   equity E = cash + q x (p - entry), maintenance MM = mmRate x q x p, initial IM = imRate x q x p
// (requirements rounded up at 1e-8). The breach price puts the account in CALL (E < MM) but safely
// above the liquidation floor; the restore price cures it (E >= IM) into NORMAL; the storm's own
// moves on that symbol never leave NORMAL. Every amount is an int64 count of 1e-8.

#include <cstdint>
#include <string>

namespace md_storm {

constexpr std::int64_t kScale = 100000000;  // 1e8 raw units per whole unit

enum class ModelState { kNormal, kWarning, kCall, kLiquidation };

const char* toString(ModelState state);

struct StormModel {
  std::string account = "ACC-STORM";
  int symbolCount = 8;                              // STORM0 (the position) .. STORM<n-1>
  std::int64_t cash = 20000 * kScale;               // opening collateral
  std::int64_t quantity = 1000;                     // the position, whole units, long
  std::int64_t entryPrice = 100 * kScale;           // P0: the setup fill and the first mark
  std::int64_t otherPrice = 50 * kScale;            // first mark of the other symbols
  std::int64_t tick = kScale / 100;                 // 0.01
  std::int64_t initialRate = kScale / 10;           // 0.10
  std::int64_t maintenanceRate = kScale / 20;       // 0.05
  std::int64_t warningEnter = 110 * kScale / 100;   // 1.10
  std::int64_t warningExit = 115 * kScale / 100;    // 1.15
  std::int64_t liquidationFloor = 80 * kScale / 100;  // 0.80
  std::int64_t escalationStep = 1000 * kScale;
  std::int64_t stormSwing = 1 * kScale;             // storm quotes stay within +-1.00 of the first mark
  // The order flow (--order-rate > 0): a second account, flat, with ample cash, that sends IOC
  // orders of flowQuantity on the other symbols at their first mark (the venue cancels them).
  std::string flowAccount = "ACC-FLOW";
  std::int64_t flowCash = 100000000 * kScale;
  std::int64_t flowQuantity = 1;                    // whole units

  std::string symbol(int index) const;  // "STORM<index>"
  std::string positionSymbol() const { return symbol(0); }
};

struct MarginAt {
  std::int64_t equity = 0;
  std::int64_t maintenance = 0;
  std::int64_t initial = 0;
};

// The account's figures with the position marked at `price`.
MarginAt marginAt(const StormModel& model, std::int64_t price);

// The state a NORMAL account moves to when marked at `price` (the transitions of
// risk/README.md: LIQUIDATION below the floor, CALL below MM, WARNING below warningEnter x MM).
ModelState stateFromNormal(const StormModel& model, std::int64_t price);

// True when an account in CALL marked at `price` is cured (E >= IM) and lands in NORMAL
// (E >= warningExit x MM).
bool curesToNormal(const StormModel& model, std::int64_t price);

struct StormPrices {
  std::int64_t breach = 0;     // mid quoted by the breaching tick
  std::int64_t restore = 0;    // mid quoted by the restoring tick (the entry price)
  std::int64_t stormLow = 0;   // the storm's quotes of the position's symbol stay in [low, high]
  std::int64_t stormHigh = 0;
};

// Derives the prices and checks every condition above; false with `problem` set when the model
// admits none (e.g. an order that the pre-trade check would refuse, or no tick between MM and the floor).
bool computePrices(const StormModel& model, StormPrices& prices, std::string& problem);

}  // namespace md_storm
