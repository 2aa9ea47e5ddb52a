#pragma once

// Reads and checks a whole script file before the session starts, so a typo on line 30 is found
// before anything is sent. QuickFIX side (gnu++14).

#include <string>
#include <vector>

#include "tools/fix_client/fix_dictionary.h"
#include "tools/fix_client/script_command.h"

namespace fix_client {

// Parses `path`, resolves every command against the dictionary and refuses a command that sends
// after `logout`. False and `error` ("path:line: problem", or why the file cannot be read).
bool loadScript(const std::string& path, const FixDictionary& dictionary,
                std::vector<ScriptCommand>& commands, std::string& error);

}  // namespace fix_client
