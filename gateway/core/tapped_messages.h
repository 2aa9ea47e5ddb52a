#pragma once

// The raw FIX messages about margin calls that QuickFIX's threads hand over (bridge::MessageTap),
// queued until the risk thread puts them in its next commit.

#include <mutex>
#include <vector>

#include "gateway/bridge/message_tap.h"

namespace gateway::core {

class TappedMessages final : public bridge::MessageTap {
 public:
  void onFixMessage(const bridge::TappedFixMessage& message) override {
    std::lock_guard<std::mutex> lock(mutex_);
    queued_.push_back(message);
  }
  // Moves everything queued into `out` (cleared first).
  void drain(std::vector<bridge::TappedFixMessage>& out) {
    out.clear();
    std::lock_guard<std::mutex> lock(mutex_);
    out.swap(queued_);
  }

 private:
  std::mutex mutex_;
  std::vector<bridge::TappedFixMessage> queued_;
};

}  // namespace gateway::core
