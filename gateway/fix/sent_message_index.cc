#include "gateway/fix/sent_message_index.h"

namespace gateway {
namespace fix {

SentMessageIndex::SentMessageIndex(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

void SentMessageIndex::remember(int msgSeqNum, const SentMessage& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Numbers going down mean the session was reset: the old entries describe another numbering.
  if (msgSeqNum < newest_) messages_.clear();
  newest_ = msgSeqNum;
  messages_[msgSeqNum] = message;
  while (messages_.size() > capacity_) messages_.erase(messages_.begin());
}

bool SentMessageIndex::find(int msgSeqNum, SentMessage& message) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = messages_.find(msgSeqNum);
  if (it == messages_.end()) return false;
  message = it->second;
  return true;
}

std::size_t SentMessageIndex::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return messages_.size();
}

}  // namespace fix
}  // namespace gateway
