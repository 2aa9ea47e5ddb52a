#include "gateway/core/buffered_file_sink.h"

#include <algorithm>

#include <spdlog/common.h>
#include <spdlog/pattern_formatter.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include "store/background_thread.h"

namespace gateway {
namespace core {

BufferedFileSink::BufferedFileSink(const std::string& path, std::chrono::milliseconds interval)
    : path_(path), interval_(interval), formatter_(new spdlog::pattern_formatter()) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw spdlog::spdlog_ex("cannot open " + path + " for appending", errno);
  writer_ = std::thread([this] { writerLoop(); });
}

BufferedFileSink::~BufferedFileSink() {
  {
    std::lock_guard<std::mutex> lock(bufferMutex_);
    stop_ = true;
  }
  wake_.notify_one();
  writer_.join();
  writeOut();
  ::close(fd_);
}

void BufferedFileSink::log(const spdlog::details::log_msg& message) {
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(bufferMutex_);
    formatted_.clear();  // keeps its capacity: no allocation per line once warmed up
    formatter_->format(message, formatted_);
    buffer_.append(formatted_.data(), formatted_.size());
    wake = buffer_.size() >= kWakeBytes;
  }
  if (wake) wake_.notify_one();
}

void BufferedFileSink::flush() { writeOut(); }

void BufferedFileSink::set_pattern(const std::string& pattern) {
  set_formatter(std::unique_ptr<spdlog::formatter>(new spdlog::pattern_formatter(pattern)));
}

void BufferedFileSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) {
  std::lock_guard<std::mutex> lock(bufferMutex_);
  formatter_ = std::move(formatter);
}

void BufferedFileSink::writerLoop() {
  store::becomeBackgroundThread("log-writer");
  std::unique_lock<std::mutex> lock(bufferMutex_);
  while (!stop_) {
    wake_.wait_for(lock, interval_, [this] { return stop_ || buffer_.size() >= kWakeBytes; });
    lock.unlock();
    writeOut();
    lock.lock();
  }
}

void BufferedFileSink::writeOut() {
  std::lock_guard<std::mutex> writing(writeMutex_);
  {
    std::lock_guard<std::mutex> lock(bufferMutex_);
    if (buffer_.empty()) return;
    writing_.swap(buffer_);
  }
  const char* data = writing_.data();
  std::size_t left = writing_.size();
  while (left > 0) {
    const ssize_t written = ::write(fd_, data, std::min(left, kWriteChunkBytes));
    if (written < 0) {
      if (errno == EINTR) continue;
      // The disk refuses (full, gone): put the lines back in front of the newer ones and try again
      // on the next round, rather than lose them.
      std::lock_guard<std::mutex> lock(bufferMutex_);
      buffer_.insert(0, data, left);
      break;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  writing_.clear();
}

}  // namespace core
}  // namespace gateway
