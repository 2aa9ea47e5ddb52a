#pragma once

// QuickFIX's message log for every session, written to ONE shared file; with no path it logs
// nothing. QuickFIX's FileLog opens files per session and,
// with FileStore, caps a select()-based process near 145 sessions; this opens exactly one.
//
// Line format: "<time> <session> IN|OUT|EVENT <text>", the FIX field separator (SOH) shown as '|',
// the values of Password (554) and NewPassword (925) replaced by "***".
// A session's thread formats its line into memory (core::BufferedFileSink): no system call, no wait for
// the disk, no other thread woken per message. The sink's own thread writes the lines out every
// 200 ms; none is dropped (the file is an audit trail), and at most the last 200 ms are lost if
// the process is killed.

#include <quickfix/Log.h>
#include <quickfix/SessionID.h>

#include <memory>
#include <string>

namespace spdlog {
class logger;
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
  std::shared_ptr<spdlog::logger> logger_;  // null: logging off
};

}  // namespace fix
}  // namespace gateway
