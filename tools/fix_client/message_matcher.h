#pragma once

// Whether a received message satisfies an `expect`. C++14-clean, no QuickFIX.

#include <string>
#include <vector>

#include "tools/fix_client/received_message.h"
#include "tools/fix_client/script_command.h"

namespace fix_client {

// The value of a condition that only requires the tag to be present.
constexpr const char* kAnyValue = "*";

// True when `message` has type `msgTypeCode` and every condition (resolved tag) holds: some body
// field with that tag has exactly that value, or, for "*", the tag is present. Fields inside
// repeating groups count like any other.
bool matchesExpectation(const ReceivedMessage& message, const std::string& msgTypeCode,
                        const std::vector<FieldValue>& conditions);

}  // namespace fix_client
