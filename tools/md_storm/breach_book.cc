#include "tools/md_storm/breach_book.h"

namespace md_storm {

BreachBook::BreachBook(std::size_t capacity)
    : capacity_(capacity), callTimes_(new std::atomic<std::int64_t>[capacity]) {
  for (std::size_t i = 0; i < capacity; ++i) callTimes_[i].store(0, std::memory_order_relaxed);
}

void BreachBook::open(std::size_t index) {
  if (index < capacity_) open_.store(static_cast<long>(index), std::memory_order_release);
}

void BreachBook::close() { open_.store(-1, std::memory_order_release); }

bool BreachBook::answered(std::size_t index) const { return callTime(index) != 0; }

std::int64_t BreachBook::callTime(std::size_t index) const {
  return index < capacity_ ? callTimes_[index].load(std::memory_order_acquire) : 0;
}

void BreachBook::onCall(std::int64_t nanos) {
  const long index = open_.load(std::memory_order_acquire);
  std::int64_t unanswered = 0;
  if (index < 0 || nanos == 0 ||
      !callTimes_[static_cast<std::size_t>(index)].compare_exchange_strong(unanswered, nanos,
                                                                          std::memory_order_acq_rel)) {
    stray_.fetch_add(1, std::memory_order_acq_rel);
  }
}

void BreachBook::onBackToNormal() { backToNormal_.fetch_add(1, std::memory_order_acq_rel); }

}  // namespace md_storm
