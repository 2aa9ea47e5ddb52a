#pragma once

// The offered rates of --find-max. Either a fixed list (every rate is run; the answer is the
// highest that passed), or a search: double from the start rate until a step fails (or the maximum
// is reached), then bisect between the highest pass and the lowest failure until they are within
// the resolution.

#include <vector>

namespace fix_load {

class RateSearch {
 public:
  // A fixed list of rates, run in the given order.
  explicit RateSearch(const std::vector<double>& rates);
  // Doubling then bisection. `resolution`: stop when (fail - pass) <= resolution x pass.
  RateSearch(double startRate, double maxRate, double resolution);

  // The next rate to run; false when the search is over.
  bool next(double& rate) const;
  // Records the outcome of the rate `next` returned.
  void record(double rate, bool passed);
  // The highest rate that passed (0 when none).
  double best() const { return bestPass_; }

 private:
  bool fixed_;
  std::vector<double> list_;
  std::size_t listIndex_ = 0;
  double maxRate_ = 0;
  double resolution_ = 0;
  double nextRate_ = 0;
  double bestPass_ = 0;
  double lowestFail_ = 0;  // 0: no failure yet
  bool done_ = false;
};

}  // namespace fix_load
