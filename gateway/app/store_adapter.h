#pragma once

// The gateway's DurableStore: the SQLite store writer.

#include <memory>

#include "gateway/core/durable_store.h"
#include "store/store_writer.h"

namespace gateway::app {

class StoreWriterAdapter final : public core::DurableStore {
 public:
  explicit StoreWriterAdapter(std::unique_ptr<store::StoreWriter> writer) : writer_(std::move(writer)) {}
  std::optional<std::string> commit(const store::Batch& batch) override { return writer_->commit(batch); }
  store::StoreWriter& writer() { return *writer_; }

 private:
  std::unique_ptr<store::StoreWriter> writer_;
};

}  // namespace gateway::app
