#pragma once

// QuickFIX log for fix-client: every message in and out and every session event, one line each,
// in a single file (QuickFIX's FileLog writes several files per session):
//   20260105-14:30:00.123456 out 8=FIX.4.4|9=...|35=D|...|10=123|
//   20260105-14:30:00.124001 in  8=FIX.4.4|...
//   20260105-14:30:00.124100 event Initiated logon request
// SOH is written as |. Without a file nothing is written. Every event also goes to a listener
// (fix-client keeps the last one to explain a failed logon). QuickFIX side (gnu++14).

#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <utility>

#include <quickfix/Log.h>

namespace fix_client {

class MessageFileLogFactory : public FIX::LogFactory {
 public:
  using EventListener = std::function<void(const std::string&)>;

  explicit MessageFileLogFactory(EventListener listener) : listener_(std::move(listener)) {}

  // Truncates and opens `path`; false and `error` set when it cannot be written.
  bool open(const std::string& path, std::string& error);

  FIX::Log* create() override;
  FIX::Log* create(const FIX::SessionID&) override;
  void destroy(FIX::Log* log) override;

  // Called by the logs QuickFIX creates; thread-safe.
  void message(const char* direction, const std::string& text);
  void event(const std::string& text);

 private:
  void writeLine(const char* kind, const std::string& text);

  EventListener listener_;
  std::mutex mutex_;
  std::ofstream file_;
};

}  // namespace fix_client
