#include "tools/fix_client/message_file_log.h"

#include <cerrno>
#include <cstring>

#include <quickfix/FieldConvertors.h>

namespace fix_client {
namespace {

constexpr int kTimestampPrecision = 6;  // microseconds

class MessageFileLog : public FIX::Log {
 public:
  explicit MessageFileLog(MessageFileLogFactory& factory) : factory_(factory) {}

  void clear() override {}
  void backup() override {}
  void onIncoming(const std::string& text) override { factory_.message("in ", text); }
  void onOutgoing(const std::string& text) override { factory_.message("out", text); }
  void onEvent(const std::string& text) override { factory_.event(text); }

 private:
  MessageFileLogFactory& factory_;
};

}  // namespace

bool MessageFileLogFactory::open(const std::string& path, std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  file_.open(path, std::ios::out | std::ios::trunc);
  if (!file_) {
    error = "cannot write the log file " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

FIX::Log* MessageFileLogFactory::create() { return new MessageFileLog(*this); }

FIX::Log* MessageFileLogFactory::create(const FIX::SessionID&) {
  return new MessageFileLog(*this);
}

void MessageFileLogFactory::destroy(FIX::Log* log) { delete log; }

void MessageFileLogFactory::message(const char* direction, const std::string& text) {
  writeLine(direction, text);
}

void MessageFileLogFactory::event(const std::string& text) {
  if (listener_) listener_(text);
  writeLine("event", text);
}

void MessageFileLogFactory::writeLine(const char* kind, const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!file_.is_open()) return;
  std::string line = text;
  for (char& c : line) {
    if (c == '\001') c = '|';
  }
  file_ << FIX::UtcTimeStampConvertor::convert(FIX::UtcTimeStamp(), kTimestampPrecision) << ' '
        << kind << ' ' << line << '\n';
  file_.flush();
}

}  // namespace fix_client
