#include "tools/md_storm/flow_book.h"

namespace md_storm {
namespace {

constexpr char kFlowPrefix[] = "FLOW-";
constexpr std::size_t kFlowPrefixLength = sizeof(kFlowPrefix) - 1;
constexpr std::int64_t kNanosPerSecond = 1000000000;

}  // namespace

std::string flowClOrdId(std::uint64_t index) { return kFlowPrefix + std::to_string(index); }

bool parseFlowClOrdId(const std::string& clOrdId, std::uint64_t& index) {
  if (clOrdId.size() <= kFlowPrefixLength || clOrdId.compare(0, kFlowPrefixLength, kFlowPrefix) != 0) return false;
  if (clOrdId.size() - kFlowPrefixLength > 19) return false;  // more digits than an index can have
  std::uint64_t value = 0;
  for (std::size_t i = kFlowPrefixLength; i < clOrdId.size(); ++i) {
    const char digit = clOrdId[i];
    if (digit < '0' || digit > '9') return false;
    value = value * 10 + static_cast<std::uint64_t>(digit - '0');
  }
  index = value;
  return true;
}

std::int64_t flowDueTime(std::int64_t startNanos, std::int64_t ratePerSecond, std::uint64_t index) {
  // Whole seconds and the remainder apart: exact, and no overflow of index x 1e9.
  const std::int64_t whole = static_cast<std::int64_t>(index) / ratePerSecond;
  const std::int64_t rest = static_cast<std::int64_t>(index) % ratePerSecond;
  return startNanos + whole * kNanosPerSecond + rest * kNanosPerSecond / ratePerSecond;
}

void FlowBook::sending(std::uint64_t index) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (index >= states_.size()) {
    states_.resize(index + 1, State::kUnsent);
    answeredAt_.resize(index + 1, 0);
  }
  states_[index] = State::kSent;
  ++sent_;
}

void FlowBook::sendFailed(std::uint64_t index) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (index >= states_.size() || states_[index] != State::kSent) return;
  states_[index] = State::kFailed;
  --sent_;
  ++failed_;
  if (answered_ == sent_) answeredAll_.notify_all();
}

void FlowBook::onReport(std::uint64_t index, std::int64_t nanos, bool reject) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (index >= states_.size() || states_[index] == State::kUnsent || states_[index] == State::kFailed) {
    ++stray_;
    return;
  }
  if (states_[index] != State::kSent) return;  // a later report of an answered order
  states_[index] = reject ? State::kRejected : State::kAnswered;
  answeredAt_[index] = nanos;
  ++answered_;
  if (reject) ++rejected_;
  if (answered_ == sent_) answeredAll_.notify_all();
}

bool FlowBook::waitForAnswers(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return answeredAll_.wait_for(lock, timeout, [this] { return answered_ == sent_; });
}

FlowTally FlowBook::tally() const {
  std::lock_guard<std::mutex> lock(mutex_);
  FlowTally tally;
  tally.sent = sent_;
  tally.sendFailures = failed_;
  tally.answered = answered_;
  tally.rejected = rejected_;
  tally.lost = sent_ - answered_;
  tally.strayReports = stray_;
  return tally;
}

std::vector<std::int64_t> FlowBook::latencies(std::int64_t startNanos, std::int64_t ratePerSecond) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::int64_t> result;
  result.reserve(static_cast<std::size_t>(answered_));
  for (std::size_t i = 0; i < states_.size(); ++i) {
    if (states_[i] == State::kAnswered || states_[i] == State::kRejected) {
      result.push_back(answeredAt_[i] - flowDueTime(startNanos, ratePerSecond, i));
    }
  }
  return result;
}

}  // namespace md_storm
