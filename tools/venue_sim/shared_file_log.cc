#include "tools/venue_sim/shared_file_log.h"

#include <stdexcept>

#include <quickfix/FieldConvertors.h>
#include <quickfix/FieldTypes.h>

namespace venue_sim {
namespace {

constexpr int kTimestampMillis = 3;

class SharedFileLog : public FIX::Log {
 public:
  SharedFileLog(SharedFileLogFactory& factory, const std::string& source) : factory_(factory), source_(source) {}

  void clear() override {}
  void backup() override {}
  void onIncoming(const std::string& text) override { factory_.write(source_, "in ", text); }
  void onOutgoing(const std::string& text) override { factory_.write(source_, "out", text); }
  void onEvent(const std::string& text) override { factory_.write(source_, "evt", text); }

 private:
  SharedFileLogFactory& factory_;
  std::string source_;
};

}  // namespace

SharedFileLogFactory::SharedFileLogFactory(const std::string& path) : file_(path, std::ios::app) {
  if (!file_) throw std::runtime_error("cannot open log file " + path);
}

FIX::Log* SharedFileLogFactory::create() { return new SharedFileLog(*this, "GLOBAL"); }

FIX::Log* SharedFileLogFactory::create(const FIX::SessionID& sessionId) {
  return new SharedFileLog(*this, sessionId.toString());
}

void SharedFileLogFactory::destroy(FIX::Log* log) { delete log; }

void SharedFileLogFactory::write(const std::string& source, const char* kind, const std::string& text) {
  std::string readable = text;
  for (char& c : readable) {
    if (c == '\001') c = '|';
  }
  const std::string now = FIX::UtcTimeStampConvertor::convert(FIX::UtcTimeStamp(), kTimestampMillis);
  std::lock_guard<std::mutex> lock(mutex_);
  file_ << now << ' ' << source << ' ' << kind << ' ' << readable << '\n';
  file_.flush();
}

}  // namespace venue_sim
