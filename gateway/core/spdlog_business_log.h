#pragma once

// BusinessLog through spdlog into a BufferedFileSink: the risk thread formats each line into memory
// and the sink's thread writes the lines out every 200 ms, so an info line costs no system call
// and wakes no thread. Warnings and errors (alarms) are written at once.

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
