#pragma once

// The received messages an `expect` has not consumed yet, oldest first. QuickFIX delivers them
// on the thread that polls the session (fix-client's only thread), so there is no locking.
// C++14-clean, no QuickFIX.

#include <cstddef>
#include <deque>
#include <functional>

#include "tools/fix_client/received_message.h"

namespace fix_client {

class ReceivedQueue {
 public:
  using Predicate = std::function<bool(const ReceivedMessage&)>;

  void push(ReceivedMessage message);

  // Removes the oldest message for which `matches` is true and moves it to `out`; the messages
  // before it stay queued. False when none matches.
  bool takeFirst(const Predicate& matches, ReceivedMessage& out);

  std::size_t size() const { return messages_.size(); }

 private:
  std::deque<ReceivedMessage> messages_;
};

}  // namespace fix_client
