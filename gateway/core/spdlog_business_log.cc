#include "gateway/core/spdlog_business_log.h"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

namespace gateway::core {

SpdlogBusinessLog::SpdlogBusinessLog(const std::string& path) {
  if (!spdlog::thread_pool()) spdlog::init_thread_pool(65536, 1);
  auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path);
  logger_ = std::make_shared<spdlog::async_logger>("business", sink, spdlog::thread_pool(),
                                                   spdlog::async_overflow_policy::block);
  logger_->set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %l %v", spdlog::pattern_time_type::utc);
  logger_->flush_on(spdlog::level::warn);
  spdlog::flush_every(std::chrono::seconds(1));
}

SpdlogBusinessLog::~SpdlogBusinessLog() { logger_->flush(); }

void SpdlogBusinessLog::becomeDefault() { spdlog::set_default_logger(logger_); }

void SpdlogBusinessLog::info(std::string_view line) { logger_->info("{}", line); }
void SpdlogBusinessLog::warn(std::string_view line) { logger_->warn("{}", line); }
void SpdlogBusinessLog::error(std::string_view line) { logger_->error("{}", line); }

}  // namespace gateway::core
