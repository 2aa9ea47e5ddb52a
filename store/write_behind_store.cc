#include "store/write_behind_store.h"

#include <cstdio>
#include <cstdlib>

#include "store/background_thread.h"

namespace store {
namespace {

// Where a batch read back from the log stands against the database.
enum class Standing { kCommitted, kNext, kApart };

Standing standing(const Batch& batch, const BatchLog::Read& read, const StoreWriter& writer) {
  const std::int64_t journal = writer.lastJournalSeq();
  const std::int64_t audit = writer.lastAuditSeq();
  const bool journalIn = read.journalRecords == 0 || batch.journal.back().seq <= journal;
  const bool auditIn =
      read.auditRecords == 0 || read.firstAuditSeq + static_cast<std::int64_t>(read.auditRecords) - 1 <= audit;
  if (journalIn && auditIn) return Standing::kCommitted;
  const bool journalNext = read.journalRecords == 0 || batch.journal.front().seq == journal + 1;
  const bool auditNext = read.auditRecords == 0 || read.firstAuditSeq == audit + 1;
  return journalNext && auditNext ? Standing::kNext : Standing::kApart;
}

}  // namespace

std::unique_ptr<WriteBehindStore> WriteBehindStore::open(StoreWriter& writer, const std::string& logPath,
                                                         std::size_t logCapacity, std::string& error) {
  std::unique_ptr<BatchLog> log = BatchLog::open(logPath, logCapacity, error);
  if (!log) return nullptr;
  std::size_t recovered = 0;
  Batch batch;
  BatchLog::Read read;
  while (log->readNext(batch, read)) {
    switch (standing(batch, read, writer)) {
      case Standing::kCommitted:
        break;
      case Standing::kNext:
        if (auto failed = writer.commit(batch)) {
          error = logPath + ": cannot commit what it holds: " + *failed;
          return nullptr;
        }
        ++recovered;
        break;
      case Standing::kApart:
        error = logPath + ": it holds records that do not follow the database's (journal " +
                std::to_string(writer.lastJournalSeq()) + ", audit " + std::to_string(writer.lastAuditSeq()) +
                "): it belongs to another database; move it away only if that database is gone for good";
        return nullptr;
    }
    log->release(read.end);
    batch.clear();
  }
  return std::unique_ptr<WriteBehindStore>(new WriteBehindStore(writer, std::move(log), recovered));
}

WriteBehindStore::WriteBehindStore(StoreWriter& writer, std::unique_ptr<BatchLog> log, std::size_t recoveredBatches)
    : writer_(writer),
      log_(std::move(log)),
      recoveredBatches_(recoveredBatches),
      nextAuditSeq_(writer.lastAuditSeq() + 1),
      thread_([this] { run(); }) {}

WriteBehindStore::~WriteBehindStore() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::optional<std::string> WriteBehindStore::commit(const Batch& batch) {
  if (batch.empty()) return std::nullopt;
  if (failing_.load(std::memory_order_acquire)) {
    std::lock_guard lock(mutex_);
    return failure_;
  }
  for (;;) {
    switch (log_->append(batch, nextAuditSeq_)) {
      case BatchLog::Append::kDone:
        nextAuditSeq_ += static_cast<std::int64_t>(batch.audit.size());
        return std::nullopt;
      case BatchLog::Append::kFull:
        if (auto failed = waitUntilEmpty()) return failed;
        continue;  // an empty log takes it
      case BatchLog::Append::kTooLarge: {
        if (auto failed = waitUntilEmpty()) return failed;
        std::lock_guard writing(writerMutex_);
        if (auto failed = writer_.commit(batch)) return failed;
        nextAuditSeq_ += static_cast<std::int64_t>(batch.audit.size());
        return std::nullopt;
      }
    }
  }
}

std::optional<std::string> WriteBehindStore::flush() { return waitUntilEmpty(); }

std::optional<std::string> WriteBehindStore::waitUntilEmpty() {
  std::unique_lock lock(mutex_);
  hurry_ = true;
  wake_.notify_one();
  caughtUp_.wait(lock, [this] { return log_->empty() || failing_.load(std::memory_order_acquire); });
  if (failing_.load(std::memory_order_acquire)) return failure_;
  return std::nullopt;
}

std::optional<std::string> WriteBehindStore::commitPending() {
  BatchLog::Read read;
  while (pending_.journal.size() + pending_.audit.size() < kMaxTransactionRecords && log_->readNext(pending_, read)) {
    if (read.auditRecords != 0 && pendingFirstAuditSeq_ == 0) pendingFirstAuditSeq_ = read.firstAuditSeq;
    pendingEnd_ = read.end;
  }
  if (pending_.empty()) return std::nullopt;
  std::lock_guard writing(writerMutex_);
  if (pendingFirstAuditSeq_ != 0 && pendingFirstAuditSeq_ != writer_.lastAuditSeq() + 1) {
    // The log numbers audit records as the database will: a difference is a bug, and going on
    // would chain records under numbers the log does not know them by.
    std::fprintf(stderr, "FATAL %s: the next audit record is numbered %lld in the batch log but %lld in the database\n",
                 log_->path().c_str(), static_cast<long long>(pendingFirstAuditSeq_),
                 static_cast<long long>(writer_.lastAuditSeq() + 1));
    std::abort();
  }
  if (auto failed = writer_.commit(pending_)) return failed;
  log_->release(pendingEnd_);
  pending_.clear();
  pendingFirstAuditSeq_ = 0;
  return std::nullopt;
}

void WriteBehindStore::run() {
  becomeBackgroundThread("store-writer");
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!hurry_ && !stopping_) {
      const auto period = failing_.load(std::memory_order_relaxed) ? kRetryPeriod : kCommitPeriod;
      wake_.wait_for(lock, period, [this] { return hurry_ || stopping_; });
    }
    hurry_ = false;
    const bool stopping = stopping_;
    lock.unlock();
    const std::optional<std::string> failed = commitPending();
    lock.lock();
    if (failed) {
      failure_ = *failed;
      failing_.store(true, std::memory_order_release);
    } else {
      failing_.store(false, std::memory_order_release);
    }
    const bool empty = log_->empty();
    if (empty || failed) caughtUp_.notify_all();
    // Stopping: commit everything first; if SQLite fails, what is left stays in the log for the next start.
    if (stopping && (empty || failed)) return;
  }
}

}  // namespace store
