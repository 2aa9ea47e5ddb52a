#include "tools/fix_client/received_queue.h"

#include <utility>

namespace fix_client {

void ReceivedQueue::push(ReceivedMessage message) { messages_.push_back(std::move(message)); }

bool ReceivedQueue::takeFirst(const Predicate& matches, ReceivedMessage& out) {
  for (auto it = messages_.begin(); it != messages_.end(); ++it) {
    if (matches(*it)) {
      out = std::move(*it);
      messages_.erase(it);
      return true;
    }
  }
  return false;
}

}  // namespace fix_client
