#pragma once

// The batch log: a ring of batches in one memory-mapped file (`data/gateway.db-batches`). The risk
// thread records each batch here before it sends what the batch decided; the write-behind thread
// (WriteBehindStore) reads the batches, commits them to SQLite and then releases their space.
//
// Recording is a copy into pages the kernel owns: no system call, no wait for the disk. It survives a
// crash of the process (SIGKILL included), not a power loss: the same promise as the database's
// synchronous=NORMAL. A record's header is written last, and names the record's position in the
// log's whole history (not its place in the file), so bytes left from an earlier lap, or a record cut
// short by a crash, are never taken for a record.
//
// One thread appends, one thread reads and releases; opening (which finds where the records end)
// comes before both.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "store/records.h"

namespace store {

class BatchLog {
 public:
  static constexpr std::size_t kDefaultCapacity = std::size_t{64} << 20;  // 64 MiB of records
  static constexpr std::size_t kMinimumCapacity = 4096;

  enum class Append { kDone, kFull, kTooLarge };

  // What readNext found: the batch's records were appended to the caller's batch.
  struct Read {
    std::int64_t firstAuditSeq = 0;  // the audit seq its first audit record will get
    std::size_t journalRecords = 0;
    std::size_t auditRecords = 0;
    std::uint64_t end = 0;  // release(end) frees it and everything before it
  };

  // Opens or creates the file. An existing log keeps its records; an empty one is re-made at
  // `capacity` (a multiple of 32, at least kMinimumCapacity). Returns null with `error` naming the
  // file and the problem (not a batch log, damaged, cannot map).
  static std::unique_ptr<BatchLog> open(const std::string& path, std::size_t capacity, std::string& error);

  BatchLog(const BatchLog&) = delete;
  BatchLog& operator=(const BatchLog&) = delete;
  ~BatchLog();

  // Writer's side. kFull: not enough space is released yet; kTooLarge: the batch would not fit even
  // in an empty log: it is larger than the log, or than both the room left before the ring's end and
  // the room before the write position (a record is never split across the end). Either way nothing
  // was recorded.
  Append append(const Batch& batch, std::int64_t firstAuditSeq);

  // Reader's side: the next batch appended and not yet read, added to `into`; false when none.
  bool readNext(Batch& into, Read& read);
  // Everything before `end` is in the database: its space may be written again.
  void release(std::uint64_t end);

  // Nothing recorded waits to be released.
  bool empty() const;
  std::size_t capacity() const { return capacity_; }
  const std::string& path() const { return path_; }

 private:
  BatchLog(std::string path, int fd, unsigned char* base, std::size_t capacity);
  std::uint64_t released() const;
  unsigned char* at(std::uint64_t position) const { return base_ + kHeaderBytes + position % capacity_; }
  std::string findEnd();  // opening: where the records end; an error names a damaged record

  static constexpr std::size_t kHeaderBytes = 4096;

  const std::string path_;
  const int fd_;
  unsigned char* const base_;
  const std::size_t capacity_;
  std::uint64_t writeEnd_ = 0;               // writer's: where the next record goes
  std::atomic<std::uint64_t> published_{0};  // the end of the records the reader may take
  std::uint64_t readEnd_ = 0;                // reader's: the end of what it has read
};

}  // namespace store
