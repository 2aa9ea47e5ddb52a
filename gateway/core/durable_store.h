#pragma once

// Where the risk thread commits what it recorded. The gateway's is store::StoreWriter (SQLite); tests
// use it on temporary files, or a fake that can be made to fail.

#include <optional>
#include <string>

#include "store/records.h"

namespace gateway::core {

class DurableStore {
 public:
  virtual ~DurableStore() = default;
  // Writes the whole batch or nothing; returns what went wrong.
  virtual std::optional<std::string> commit(const store::Batch& batch) = 0;
};

}  // namespace gateway::core
