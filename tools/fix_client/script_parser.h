#pragma once

// Parses one line of a fix-client script into a ScriptCommand (the language is in README.md).
// Syntax only: field and message names are resolved later against the data dictionary.
// C++14-clean, no QuickFIX.

#include <string>
#include <vector>

#include "tools/fix_client/script_command.h"

namespace fix_client {

enum class LineStatus { kCommand, kBlank, kError };

struct ParsedLine {
  LineStatus status = LineStatus::kBlank;
  ScriptCommand command;  // kCommand: everything but source and line
  std::string error;      // kError: what is wrong, without the file:line prefix
};

ParsedLine parseScriptLine(const std::string& line);

// Splits on whitespace. Double quotes group (and are removed): `58="two words"` is one token
// `58=two words`; inside quotes \" and \\ stand for " and \. A token starting with # outside quotes
// starts a comment that runs to the end of the line. False and `error` set on an unterminated quote.
bool tokenizeScriptLine(const std::string& line, std::vector<std::string>& tokens,
                        std::string& error);

}  // namespace fix_client
