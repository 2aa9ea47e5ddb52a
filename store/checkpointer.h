#pragma once

// The background WAL checkpointer: its own thread and its own connection run
// `PRAGMA wal_checkpoint(PASSIVE)` every interval, so the writer's commits never checkpoint (and
// never fsync the database file on the committing thread). Stops promptly when destroyed.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite_handle.h"

namespace store {

class Checkpointer {
 public:
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
