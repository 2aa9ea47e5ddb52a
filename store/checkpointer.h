#pragma once

// The background WAL checkpointer: its own thread and its own connection run a PASSIVE checkpoint
// every interval, so the writer's commits never checkpoint (and never fsync the database file on the
// committing thread). A PASSIVE checkpoint copies the WAL into the database but, while commits keep
// coming, never lets the WAL start again from its beginning: once the WAL holds more than
// kRestartFrames frames, a RESTART checkpoint follows, which makes the next commit wait (through
// its busy timeout) for the short rest of the copy and an fsync, and bounds the WAL's size.
// Stops promptly when destroyed.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite_handle.h"

namespace store {

class Checkpointer {
 public:
  static constexpr int kRestartFrames = 16384;  // 16 MiB of 1 KiB pages

  Checkpointer(Connection connection, std::chrono::milliseconds interval);
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;
  ~Checkpointer();

 private:
  void run();

  Connection connection_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace store
