#pragma once

// One line per business event (an order decided, a fill, a state change, a call). The gateway
// writes it through spdlog's asynchronous logger; tests capture it.

#include <string_view>

namespace gateway::core {

class BusinessLog {
 public:
  virtual ~BusinessLog() = default;
  virtual void info(std::string_view line) = 0;
  virtual void warn(std::string_view line) = 0;
  virtual void error(std::string_view line) = 0;
};

}  // namespace gateway::core
