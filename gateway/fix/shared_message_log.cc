#include "gateway/fix/shared_message_log.h"

#include "gateway/core/buffered_file_sink.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cstring>

namespace gateway {
namespace fix {
namespace {

// How long a line may wait in memory before it is written.
constexpr std::chrono::milliseconds kWriteInterval{200};

// Password (554) and NewPassword (925) never reach the file.
void maskSecret(std::string& text, const char* tagPrefix) {
  std::size_t at = 0;
  while ((at = text.find(tagPrefix, at)) != std::string::npos) {
    const std::size_t value = at + std::strlen(tagPrefix);
    const std::size_t end = text.find('|', value);
    const std::size_t length = (end == std::string::npos ? text.size() : end) - value;
    text.replace(value, length, "***");
    at = value;
  }
}

std::string readable(const std::string& message) {
  std::string text = message;
  std::replace(text.begin(), text.end(), '\x01', '|');
  maskSecret(text, "|554=");
  maskSecret(text, "|925=");
  return text;
}

class SharedMessageLog : public FIX::Log {
 public:
  SharedMessageLog(std::shared_ptr<spdlog::logger> logger, std::string name)
      : logger_(std::move(logger)), name_(std::move(name)) {}

  void clear() override {}
  void backup() override {}
  void onIncoming(const std::string& message) override {
    if (logger_) logger_->info("{} IN {}", name_, readable(message));
  }
  void onOutgoing(const std::string& message) override {
    if (logger_) logger_->info("{} OUT {}", name_, readable(message));
  }
  void onEvent(const std::string& text) override {
    if (logger_) logger_->info("{} EVENT {}", name_, text);
  }

 private:
  std::shared_ptr<spdlog::logger> logger_;
  const std::string name_;
};

}  // namespace

SharedMessageLogFactory::SharedMessageLogFactory(const std::string& path) {
  if (path.empty()) return;
  static std::atomic<int> instances{0};
  logger_ = std::make_shared<spdlog::logger>("fix-messages-" + std::to_string(++instances),
                                             std::make_shared<core::BufferedFileSink>(path, kWriteInterval));
  logger_->set_pattern("%Y-%m-%d %H:%M:%S.%f %v");
}

SharedMessageLogFactory::~SharedMessageLogFactory() {
  if (logger_) logger_->flush();
  logger_.reset();  // the sink writes what is left and stops its thread
}

FIX::Log* SharedMessageLogFactory::create() { return new SharedMessageLog(logger_, "GLOBAL"); }

FIX::Log* SharedMessageLogFactory::create(const FIX::SessionID& sessionID) {
  return new SharedMessageLog(logger_, sessionID.toString());
}

void SharedMessageLogFactory::destroy(FIX::Log* log) { delete log; }

}  // namespace fix
}  // namespace gateway
