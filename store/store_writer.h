#pragma once

// The gateway's one writer to its database (data/gateway.db): opens or creates it, migrates the
// schema, and commits batches. Used from one thread (the risk thread); not thread-safe.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "store/records.h"

namespace store {

struct StoreOptions {
  // false: synchronous=NORMAL (a commit is a write to the WAL file: durable against a process
  // crash, not against a power loss). true: synchronous=FULL (an fsync per commit).
  bool fsyncEveryCommit = false;
  int busyTimeoutMillis = 200; // how long a commit waits for a lock (another process, a RESTART checkpoint)
  int checkpointMillis = 200;  // how often the background checkpointer runs (its own connection)
};

class StoreWriter {
 public:
  // Creates the file and its folder if needed and brings the schema to the current version.
  // Returns null with `error` set (naming the file and SQLite's message) on any failure.
  static std::unique_ptr<StoreWriter> open(const std::string& path, const StoreOptions& options,
                                           std::string& error);
  virtual ~StoreWriter() = default;

  // Writes the batch in one transaction: the journal rows, the audit rows (each numbered and chained
  // to the one before) and the margin_calls rows they imply. On failure nothing of the batch is
  // written, the error names what SQLite said, and the writer stays usable: committing the same
  // batch again later may succeed.
  virtual std::optional<std::string> commit(const Batch& batch) = 0;

  virtual std::int64_t lastJournalSeq() const = 0;
  virtual std::int64_t lastAuditSeq() const = 0;
};

}  // namespace store
