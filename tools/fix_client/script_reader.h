#pragma once

// Numbers the lines of one script source and parses them into commands; blank lines and comments
// are skipped. C++14-clean, no QuickFIX.

#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "tools/fix_client/script_command.h"

namespace fix_client {

enum class ReadStatus { kCommand, kBlank, kError };

class ScriptReader {
 public:
  // `source` names the input in messages ("demo.fix", "<stdin>").
  explicit ScriptReader(std::string source) : source_(std::move(source)) {}

  // Parses the source's next line. kCommand: `command` set, with source and line. kError: `error`
  // reads "source:line: problem".
  ReadStatus parseNext(const std::string& text, ScriptCommand& command, std::string& error);

 private:
  std::string source_;
  int line_ = 0;
};

// The whole script, or false and the first error ("source:line: problem").
bool readScript(std::istream& input, const std::string& source,
                std::vector<ScriptCommand>& commands, std::string& error);

}  // namespace fix_client
