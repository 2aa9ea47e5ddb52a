#pragma once

// QuickFIX's message log for every session, written to ONE shared file through an asynchronous
// spdlog logger; with no path it logs nothing. QuickFIX's FileLog opens files per session and,
// with FileStore, caps a select()-based process near 145 sessions; this opens exactly one.
//
// Line format: "<time> <session> IN|OUT|EVENT <text>", the FIX field separator (SOH) shown as '|',
// the values of Password (554) and NewPassword (925) replaced by "***".
// The logger blocks when its queue (8192 lines) is full rather than drop lines: the file is an
// audit trail. A line is written and flushed by the logger's own thread.

#include <quickfix/Log.h>
#include <quickfix/SessionID.h>

#include <memory>
#include <string>

namespace spdlog {
class logger;
namespace details {
class thread_pool;
}
}  // namespace spdlog

namespace gateway {
namespace fix {

class SharedMessageLogFactory : public FIX::LogFactory {
 public:
  // Opens (appends to) `path`; empty: a factory of logs that write nothing. Throws
  // spdlog::spdlog_ex when the file cannot be opened.
  explicit SharedMessageLogFactory(const std::string& path);
  ~SharedMessageLogFactory() override;

  FIX::Log* create() override;
  FIX::Log* create(const FIX::SessionID& sessionID) override;
  void destroy(FIX::Log* log) override;

 private:
  std::shared_ptr<spdlog::details::thread_pool> pool_;
  std::shared_ptr<spdlog::logger> logger_;  // null: logging off
};

}  // namespace fix
}  // namespace gateway
