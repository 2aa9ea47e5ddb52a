#pragma once

// Runs one open-loop step: order i is due at t_i = t0 + i / rate and goes to session i mod N; the
// pacer (the calling thread) sleeps while the deadline is far and yields in a loop when it is near,
// sends at once when it is behind, and keeps measuring from t_i. Then it waits for the answers (up
// to the drain timeout) and returns the step's record. QuickFIX side (gnu++14).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tools/fix_load/load_config.h"
#include "tools/fix_load/load_sessions.h"
#include "tools/fix_load/step_measurement.h"
#include "tools/fix_load/step_tracker.h"

namespace fix_load {

// Intended send time of order `index` at `rate` orders a second, in ns after t0.
std::int64_t intendedOffsetNs(std::int64_t index, double rate);

class StepRunner {
 public:
  StepRunner(const LoadConfig& config, LoadSessions& sessions, const std::string& runTag);

  // Runs step number `step` at `rate` orders a second: warm-up plus measured orders.
  StepRecord run(int step, double rate);

 private:
  // Waits until the previous step's late reports (if any) have stopped arriving.
  void settle() const;
  // False when QuickFIX did not take the order (the session is not logged on).
  bool sendOrder(int step, std::int64_t index);

  const LoadConfig& config_;
  LoadSessions& sessions_;
  const std::string runTag_;
  std::vector<std::string> accounts_;
  std::vector<std::unique_ptr<StepTracker>> trackers_;  // kept to the end: late reports may still arrive
};

}  // namespace fix_load
