#pragma once

// BusinessLog through spdlog's asynchronous logger: the risk thread hands each line to a queue and
// a background thread writes it, so logging never waits for the disk on the hot path.

#include <memory>
#include <string>

#include "gateway/core/business_log.h"

namespace spdlog {
class logger;
}

namespace gateway::core {

class SpdlogBusinessLog final : public BusinessLog {
 public:
  // Appends to `path` (the folder must exist).
  explicit SpdlogBusinessLog(const std::string& path);
  ~SpdlogBusinessLog() override;

  // Makes this the process's default spdlog logger, so that the FIX side's session events land in
  // the same file instead of on stdout.
  void becomeDefault();

  void info(std::string_view line) override;
  void warn(std::string_view line) override;
  void error(std::string_view line) override;

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace gateway::core
