#include "tools/fix_load/step_tracker.h"

namespace fix_load {

StepTracker::StepTracker(int step, std::int64_t orders)
    : step_(step),
      orders_(orders),
      replies_(new std::atomic<std::int64_t>[static_cast<std::size_t>(orders)]),
      rejected_(new std::atomic<std::uint8_t>[static_cast<std::size_t>(orders)]) {
  for (std::int64_t i = 0; i < orders; ++i) {
    replies_[i].store(-1, std::memory_order_relaxed);
    rejected_[i].store(0, std::memory_order_relaxed);
  }
}

bool StepTracker::recordReply(std::int64_t index, std::int64_t nowNs, bool rejected) {
  if (index < 0 || index >= orders_) return false;
  std::int64_t expected = -1;
  if (!replies_[index].compare_exchange_strong(expected, nowNs, std::memory_order_acq_rel)) return false;
  if (rejected) rejected_[index].store(1, std::memory_order_release);
  answered_.fetch_add(1, std::memory_order_acq_rel);
  return true;
}

}  // namespace fix_load
