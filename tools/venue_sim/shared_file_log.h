#pragma once

// One log file shared by every session (QuickFIX's FileLog opens files per session). Each line:
// UTC time, session, direction, message with SOH shown as '|'. Thread-safe.

#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include <quickfix/Log.h>

namespace venue_sim {

class SharedFileLogFactory : public FIX::LogFactory {
 public:
  // Opens `path` for appending; throws std::runtime_error when it cannot.
  explicit SharedFileLogFactory(const std::string& path);

  FIX::Log* create() override;
  FIX::Log* create(const FIX::SessionID& sessionId) override;
  void destroy(FIX::Log* log) override;

  void write(const std::string& source, const char* kind, const std::string& text);

 private:
  std::mutex mutex_;
  std::ofstream file_;
};

}  // namespace venue_sim
