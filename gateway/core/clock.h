#pragma once

// The gateway's source of time. The risk core never reads a clock; the risk thread stamps each
// input with this one. Tests use a fake.

#include <chrono>

#include "risk/time.h"

namespace gateway::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual risk::Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  risk::Timestamp now() const override {
    const auto since = std::chrono::system_clock::now().time_since_epoch();
    return {std::chrono::duration_cast<std::chrono::nanoseconds>(since).count()};
  }
};

}  // namespace gateway::core
