#pragma once

// The gateway's DurableStore: the SQLite store writer, written behind through the batch log
// (store::WriteBehindStore: the risk thread's commit is a copy into memory, the store's thread
// commits to SQLite) or, without one (--fsync, --store-commit direct), committed on the risk thread.

#include <memory>

#include "gateway/core/durable_store.h"
#include "store/store_writer.h"
#include "store/write_behind_store.h"

namespace gateway::app {

class StoreWriterAdapter final : public core::DurableStore {
 public:
  // `behind`, when given, writes through `writer`.
  explicit StoreWriterAdapter(std::unique_ptr<store::StoreWriter> writer,
                              std::unique_ptr<store::WriteBehindStore> behind = nullptr)
      : writer_(std::move(writer)), behind_(std::move(behind)) {}
  ~StoreWriterAdapter() override { behind_.reset(); }  // what is left is committed before the writer closes

  std::optional<std::string> commit(const store::Batch& batch) override {
    return behind_ ? behind_->commit(batch) : writer_->commit(batch);
  }
  // Everything committed so far is in the database.
  std::optional<std::string> flush() { return behind_ ? behind_->flush() : std::nullopt; }
  // Only while nothing is being written (before the risk thread starts).
  std::int64_t lastJournalSeq() const { return writer_->lastJournalSeq(); }
  bool writesBehind() const { return behind_ != nullptr; }

 private:
  std::unique_ptr<store::StoreWriter> writer_;
  std::unique_ptr<store::WriteBehindStore> behind_;
};

}  // namespace gateway::app
