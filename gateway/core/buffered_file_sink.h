#pragma once

// A spdlog sink that appends formatted lines to a memory buffer and leaves the writing to its own
// thread: the thread that logs takes one short lock and never makes a system call, never waits for
// the disk and never wakes another thread (except when the buffer passes kWakeBytes). The writer
// thread swaps the buffer out and write()s it every `interval` (and on flush(), and at the end), so
// at most `interval` of lines is lost if the process is killed. Lines are never dropped.
// C++14-clean: the FIX side (gnu++14) writes its message log through it too.

#include <spdlog/common.h>
#include <spdlog/sinks/sink.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace gateway {
namespace core {

class BufferedFileSink : public spdlog::sinks::sink {
 public:
  static constexpr std::size_t kWakeBytes = 4u << 20;
  // The most one write() takes: the kernel copies a write into the page cache without giving up
  // the CPU (this kernel does not preempt system calls), so a 4 MiB write kept the order path's
  // threads waiting for milliseconds. Between chunks the scheduler can run them.
  static constexpr std::size_t kWriteChunkBytes = 64u << 10;

  // Opens (appends to) `path`; throws spdlog::spdlog_ex naming it when it cannot be opened.
  BufferedFileSink(const std::string& path, std::chrono::milliseconds interval);
  ~BufferedFileSink() override;  // writes what is left, then closes

  BufferedFileSink(const BufferedFileSink&) = delete;
  BufferedFileSink& operator=(const BufferedFileSink&) = delete;

  void log(const spdlog::details::log_msg& message) override;
  void flush() override;  // writes everything logged so far before it returns
  void set_pattern(const std::string& pattern) override;
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

 private:
  void writerLoop();
  void writeOut();  // swaps the buffer out and writes it; holds writeMutex_ only while writing

  const std::string path_;
  const std::chrono::milliseconds interval_;
  int fd_ = -1;

  std::mutex bufferMutex_;  // guards buffer_, formatted_, formatter_, stop_
  std::condition_variable wake_;
  std::string buffer_;
  spdlog::memory_buf_t formatted_;  // one line, formatted before it is appended
  std::unique_ptr<spdlog::formatter> formatter_;
  bool stop_ = false;

  std::mutex writeMutex_;  // one writer at a time, so that lines reach the file in order
  std::string writing_;    // the buffer being written (kept to reuse its capacity)
  std::thread writer_;
};

}  // namespace core
}  // namespace gateway
