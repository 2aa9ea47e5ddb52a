#pragma once

// The store written behind: the risk thread's commit records the batch in the batch log (memory
// speed, BatchLog) and returns; this store's own thread commits what the log holds to SQLite through
// the StoreWriter, many batches per transaction (a group commit), and then releases their space.
//
// - Opening first commits to the database whatever the log still holds from the last run (a crash
//   between recording and committing), skipping what the database has already, so nothing recorded
//   is lost; a log that does not follow the database is refused (it belongs to another one).
// - If SQLite fails, the thread keeps its batches and retries every kRetryPeriod; meanwhile commit()
//   takes nothing new and returns SQLite's error, so the caller keeps its batch and sees the outage
//   (the gateway refuses risk-increasing orders until the store recovers).
// - If the log is full (the database is more than its capacity behind), commit() waits for the
//   thread to catch up: the only wait on the disk, and only when the disk cannot keep up. A batch too
//   large for the log is committed directly once the log has emptied.
// - Destruction commits what is left (or leaves it in the log for the next start if SQLite fails).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "store/batch_log.h"
#include "store/records.h"
#include "store/store_writer.h"

namespace store {

class WriteBehindStore {
 public:
  static constexpr std::chrono::milliseconds kCommitPeriod{20};
  static constexpr std::chrono::milliseconds kRetryPeriod{100};
  static constexpr std::size_t kMaxTransactionRecords = 20'000;  // a transaction stops growing here

  // `writer` must outlive the store. Returns null with `error` set if the log cannot be opened or
  // what it holds cannot be committed.
  static std::unique_ptr<WriteBehindStore> open(StoreWriter& writer, const std::string& logPath,
                                                std::size_t logCapacity, std::string& error);
  ~WriteBehindStore();

  // Called by one thread. Records the batch; the error says why it took nothing (SQLite is failing).
  std::optional<std::string> commit(const Batch& batch);
  // Waits until everything recorded is in the database; returns the error if SQLite is failing.
  std::optional<std::string> flush();

  // How many batches the log held at opening that were committed then.
  std::size_t recoveredBatches() const { return recoveredBatches_; }

 private:
  WriteBehindStore(StoreWriter& writer, std::unique_ptr<BatchLog> log, std::size_t recoveredBatches);
  void run();
  std::optional<std::string> commitPending();
  std::optional<std::string> waitUntilEmpty();

  StoreWriter& writer_;
  std::unique_ptr<BatchLog> log_;
  const std::size_t recoveredBatches_;
  std::int64_t nextAuditSeq_;  // the caller's: the seq the next recorded audit record will get

  // The thread's: what it read from the log and has not committed yet (one transaction).
  Batch pending_;
  std::int64_t pendingFirstAuditSeq_ = 0;
  std::uint64_t pendingEnd_ = 0;

  std::mutex writerMutex_;  // whoever commits through the writer holds it
  std::atomic<bool> failing_{false};
  std::mutex mutex_;  // guards the fields below
  std::condition_variable wake_;
  std::condition_variable caughtUp_;
  std::string failure_;
  bool hurry_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace store
