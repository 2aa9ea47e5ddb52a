#include "gateway/core/spdlog_business_log.h"

#include <spdlog/spdlog.h>

#include "gateway/core/buffered_file_sink.h"

namespace gateway::core {

SpdlogBusinessLog::SpdlogBusinessLog(const std::string& path) {
  // Lines wait in memory for the sink's thread (every 200 ms); a warning or an error is written
  // at once by the thread that logs it.
  logger_ = std::make_shared<spdlog::logger>(
      "business", std::make_shared<BufferedFileSink>(path, std::chrono::milliseconds(200)));
  logger_->set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %l %v", spdlog::pattern_time_type::utc);
  logger_->flush_on(spdlog::level::warn);
}

SpdlogBusinessLog::~SpdlogBusinessLog() { logger_->flush(); }

void SpdlogBusinessLog::becomeDefault() { spdlog::set_default_logger(logger_); }

void SpdlogBusinessLog::info(std::string_view line) { logger_->info("{}", line); }
void SpdlogBusinessLog::warn(std::string_view line) { logger_->warn("{}", line); }
void SpdlogBusinessLog::error(std::string_view line) { logger_->error("{}", line); }

}  // namespace gateway::core
