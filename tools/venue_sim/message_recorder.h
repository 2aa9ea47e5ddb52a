#pragma once

// Keeps the latest messages the venue received and sent, for tests and queries. Thread-safe and a
// leaf: it never calls out while holding its lock, so QuickFIX callbacks may use it under any lock.

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace venue_sim {

struct RecordedMessage {
  std::string counterparty;  // the client's CompID (the session's TargetCompID)
  std::string msgType;       // 35
  std::string text;          // the raw FIX message, SOH-separated
};

class MessageRecorder {
 public:
  explicit MessageRecorder(std::size_t limit) : limit_(limit) {}

  void recordReceived(const RecordedMessage& message);
  void recordSent(const RecordedMessage& message);
  std::vector<RecordedMessage> received() const;
  std::vector<RecordedMessage> sent() const;

 private:
  void push(std::deque<RecordedMessage>& list, const RecordedMessage& message);

  std::size_t limit_;
  mutable std::mutex mutex_;
  std::deque<RecordedMessage> received_;
  std::deque<RecordedMessage> sent_;
};

}  // namespace venue_sim
