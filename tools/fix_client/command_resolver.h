#pragma once

// Resolves the names in a parsed command against the data dictionary (message names to MsgType
// codes, field names to tags) and checks that a `send` builds. QuickFIX side (gnu++14).

#include <string>

#include "tools/fix_client/fix_dictionary.h"
#include "tools/fix_client/script_command.h"

namespace fix_client {

// False and `error` ("source:line: problem") when a name is unknown or the message cannot be built.
bool resolveCommand(ScriptCommand& command, const FixDictionary& dictionary, std::string& error);

}  // namespace fix_client
