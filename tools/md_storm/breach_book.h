#pragma once

// Where the storm thread and the client's QuickFIX thread meet: which breach is open, when its
// CollateralRequest (AX) arrived, and how many CollateralReports said the account is back to
// NORMAL or WARNING. Lock-free (atomics only); times are steady-clock nanoseconds. C++14-clean.

#include <atomic>
#include <cstdint>
#include <memory>

namespace md_storm {

class BreachBook {
 public:
  explicit BreachBook(std::size_t capacity);

  // Storm thread: breach `index` is open from now until close(); an AX arriving meanwhile answers it.
  void open(std::size_t index);
  void close();
  bool answered(std::size_t index) const;
  std::int64_t callTime(std::size_t index) const;  // 0 when not answered

  // Client thread: an AX for the account arrived at `nanos`.
  void onCall(std::int64_t nanos);
  // Client thread: a BA said the account is NORMAL or WARNING.
  void onBackToNormal();

  std::uint64_t backToNormalCount() const { return backToNormal_.load(std::memory_order_acquire); }
  // AXs that arrived with no breach open (late ones after a miss) or for a breach already answered.
  std::uint64_t strayCalls() const { return stray_.load(std::memory_order_acquire); }
  std::size_t capacity() const { return capacity_; }

 private:
  const std::size_t capacity_;
  std::unique_ptr<std::atomic<std::int64_t>[]> callTimes_;
  std::atomic<long> open_{-1};
  std::atomic<std::uint64_t> backToNormal_{0};
  std::atomic<std::uint64_t> stray_{0};
};

}  // namespace md_storm
