#include "store/checkpointer.h"

#include <sqlite3.h>

#include "store/background_thread.h"

namespace store {

Checkpointer::Checkpointer(Connection connection, std::chrono::milliseconds interval)
    : connection_(std::move(connection)), interval_(interval), thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Checkpointer::run() {
  // Named, but not stepped back: a RESTART checkpoint holds the lock the writer's commit waits for
  // (200 ms at most), and starved of CPU on a busy core it held it longer than that (the store
  // reported itself unavailable under overload in a bench run).
  becomeHousekeepingThread("checkpointer");
  // A connection opens the WAL only with its first read; until then a checkpoint through it is a
  // no-op (and reports no frames), so the WAL would only ever grow.
  connection_.exec("SELECT count(*) FROM sqlite_master");
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    // PASSIVE never waits for readers or the writer; a busy result is simply retried next time.
    int walFrames = 0;
    int copied = 0;
    sqlite3_wal_checkpoint_v2(connection_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
    if (walFrames > kRestartFrames) {
      sqlite3_wal_checkpoint_v2(connection_.get(), nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    }
    lock.lock();
  }
}

}  // namespace store
