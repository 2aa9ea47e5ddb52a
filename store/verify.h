#pragma once

// Checks the audit trail's hash chain and the margin_calls summary against it. Read-only: safe on
// the live database while the gateway writes.

#include <cstdint>
#include <string>
#include <vector>

namespace store {

struct VerifyProblem {
  std::int64_t seq = 0;  // the audit record (or, for a summary row, the call's first record)
  std::string problem;   // e.g. "edited: its hash does not match its contents"
};

struct VerifyResult {
  std::string error;  // non-empty: the database could not be read at all
  std::int64_t records = 0;
  std::int64_t calls = 0;
  std::vector<VerifyProblem> problems;
  bool ok() const { return error.empty() && problems.empty(); }
};

VerifyResult verifyStore(const std::string& path);

}  // namespace store
