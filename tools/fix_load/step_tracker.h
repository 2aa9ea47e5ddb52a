#pragma once

// What the QuickFIX thread writes while a step runs: for each send index, the steady-clock time of
// the first ExecutionReport and whether it was a reject. Lock-free (one atomic per order), so
// fromApp never waits for the pacer. C++14-clean.

#include <atomic>
#include <cstdint>
#include <memory>

namespace fix_load {

class StepTracker {
 public:
  StepTracker(int step, std::int64_t orders);

  int step() const { return step_; }
  std::int64_t orders() const { return orders_; }

  // Records a report for `index` at `nowNs` (steady clock); only the first one per index counts.
  // False when the index is out of range or already answered.
  bool recordReply(std::int64_t index, std::int64_t nowNs, bool rejected);
  void recordOther() { other_.fetch_add(1, std::memory_order_relaxed); }

  std::int64_t replyNs(std::int64_t index) const { return replies_[index].load(std::memory_order_acquire); }
  bool rejected(std::int64_t index) const { return rejected_[index].load(std::memory_order_acquire) != 0; }
  std::int64_t answered() const { return answered_.load(std::memory_order_acquire); }
  std::int64_t others() const { return other_.load(std::memory_order_relaxed); }

 private:
  int step_;
  std::int64_t orders_;
  std::unique_ptr<std::atomic<std::int64_t>[]> replies_;  // -1: no report yet
  std::unique_ptr<std::atomic<std::uint8_t>[]> rejected_;
  std::atomic<std::int64_t> answered_{0};
  std::atomic<std::int64_t> other_{0};
};

}  // namespace fix_load
