#pragma once

// What the gateway sent on the venue session, by MsgSeqNum: the ClOrdID and MsgType of each
// application message, so that a session-level Reject (35=3), which names only RefSeqNum (45),
// can be matched to the order it refused. Bounded: the oldest entries go first. Thread-safe.

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace gateway {
namespace fix {

struct SentMessage {
  std::string clOrdId;  // empty for messages without one (MarketDataRequest)
  std::string msgType;
};

class SentMessageIndex {
 public:
  static constexpr std::size_t kDefaultCapacity = 100000;

  explicit SentMessageIndex(std::size_t capacity = kDefaultCapacity);

  void remember(int msgSeqNum, const SentMessage& message);
  bool find(int msgSeqNum, SentMessage& message) const;
  std::size_t size() const;

 private:
  const std::size_t capacity_;
  std::map<int, SentMessage> messages_;
  int newest_ = 0;
  mutable std::mutex mutex_;
};

}  // namespace fix
}  // namespace gateway
