#pragma once

// Reads the replay journal back in order, after a restart.

#include <functional>
#include <optional>
#include <string>

#include "store/records.h"

namespace store {

// Calls `visit` for every journal record with seq > afterSeq, in seq order, until it returns false.
// Returns an error text when the database cannot be read (a missing file is not an error: nothing
// is visited).
std::optional<std::string> readJournal(const std::string& path, std::int64_t afterSeq,
                                       const std::function<bool(const JournalRecord&)>& visit);

}  // namespace store
