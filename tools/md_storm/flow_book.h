#pragma once

// Where the order-flow thread and the flow client's QuickFIX thread meet: which orders were sent
// (by send index, the number in their ClOrdID), when each one's first ExecutionReport arrived and
// whether it was a reject. A mutex and a condition variable (about a thousand orders a second).
// Times are steady-clock nanoseconds. C++14-clean.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace md_storm {

// The flow's ClOrdIDs: "FLOW-<send index>".
std::string flowClOrdId(std::uint64_t index);
// The send index of a flow ClOrdID; false for any other id.
bool parseFlowClOrdId(const std::string& clOrdId, std::uint64_t& index);

struct FlowTally {
  std::uint64_t sent = 0;          // orders handed to QuickFIX
  std::uint64_t sendFailures = 0;  // orders QuickFIX refused to send (not counted as sent)
  std::uint64_t answered = 0;      // sent orders with at least one ExecutionReport
  std::uint64_t rejected = 0;      // answered orders whose first report was a reject (OrdStatus 8)
  std::uint64_t lost = 0;          // sent - answered
  std::uint64_t strayReports = 0;  // first reports for an index never sent
};

class FlowBook {
 public:
  // Flow thread: order `index` is about to be sent (call before the send), or its send failed.
  void sending(std::uint64_t index);
  void sendFailed(std::uint64_t index);

  // Client thread: an ExecutionReport for order `index` arrived at `nanos`; only the first counts.
  void onReport(std::uint64_t index, std::int64_t nanos, bool reject);

  // Waits until every sent order has been answered, at most `timeout`; true when they all were.
  bool waitForAnswers(std::chrono::milliseconds timeout);

  FlowTally tally() const;
  // For each answered order: first report - its intended send time, start + index x 1e9 / rate.
  std::vector<std::int64_t> latencies(std::int64_t startNanos, std::int64_t ratePerSecond) const;

 private:
  enum class State : unsigned char { kUnsent, kSent, kFailed, kAnswered, kRejected };
  mutable std::mutex mutex_;
  std::condition_variable answeredAll_;
  std::vector<State> states_;
  std::vector<std::int64_t> answeredAt_;
  std::uint64_t sent_ = 0;
  std::uint64_t failed_ = 0;
  std::uint64_t answered_ = 0;
  std::uint64_t rejected_ = 0;
  std::uint64_t stray_ = 0;
};

// The intended send time of flow order `index`: start + index x 1e9 / rate (open loop).
std::int64_t flowDueTime(std::int64_t startNanos, std::int64_t ratePerSecond, std::uint64_t index);

}  // namespace md_storm
