#pragma once

// The journal's encoding of a JournaledInput: a stable kind name and a JSON payload. Decoding is
// strict: an unknown kind or a payload that does not parse is an error naming what is wrong (a
// journal the gateway cannot read back must stop it, not be skipped).

#include <optional>
#include <string>
#include <string_view>

#include "gateway/core/journaled_input.h"

namespace gateway::core {

std::string_view journalKind(const JournaledInput& input);
std::string encodeJournalPayload(const JournaledInput& input);
std::optional<JournaledInput> decodeJournal(std::string_view kind, std::string_view payload, std::string& error);

}  // namespace gateway::core
