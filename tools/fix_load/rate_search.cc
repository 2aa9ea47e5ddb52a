#include "tools/fix_load/rate_search.h"

#include <algorithm>
#include <cmath>

namespace fix_load {

RateSearch::RateSearch(const std::vector<double>& rates) : fixed_(true), list_(rates) {
  done_ = list_.empty();
}

RateSearch::RateSearch(double startRate, double maxRate, double resolution)
    : fixed_(false), maxRate_(maxRate), resolution_(resolution), nextRate_(std::min(startRate, maxRate)) {
  done_ = !(nextRate_ > 0);
}

bool RateSearch::next(double& rate) const {
  if (done_) return false;
  rate = fixed_ ? list_[listIndex_] : nextRate_;
  return true;
}

void RateSearch::record(double rate, bool passed) {
  if (passed) {
    bestPass_ = std::max(bestPass_, rate);
  } else if (lowestFail_ == 0 || rate < lowestFail_) {
    lowestFail_ = rate;
  }
  if (fixed_) {
    done_ = ++listIndex_ >= list_.size();
    return;
  }
  if (lowestFail_ == 0) {  // still doubling
    if (rate >= maxRate_) {
      done_ = true;
    } else {
      nextRate_ = std::min(rate * 2, maxRate_);
    }
    return;
  }
  if (bestPass_ == 0) {  // the start rate failed: halve until one passes
    if (lowestFail_ <= 1) {
      done_ = true;
    } else {
      nextRate_ = std::floor(lowestFail_ / 2);
      if (nextRate_ < 1) done_ = true;
    }
    return;
  }
  if (lowestFail_ - bestPass_ <= resolution_ * bestPass_) {
    done_ = true;
    return;
  }
  nextRate_ = std::round((bestPass_ + lowestFail_) / 2);
  if (nextRate_ <= bestPass_ || nextRate_ >= lowestFail_) done_ = true;
}

}  // namespace fix_load
