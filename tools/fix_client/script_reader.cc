#include "tools/fix_client/script_reader.h"

#include <utility>

#include "tools/fix_client/script_parser.h"

namespace fix_client {

ReadStatus ScriptReader::parseNext(const std::string& text, ScriptCommand& command,
                                   std::string& error) {
  ++line_;
  ParsedLine parsed = parseScriptLine(text);
  switch (parsed.status) {
    case LineStatus::kBlank:
      return ReadStatus::kBlank;
    case LineStatus::kError:
      error = source_ + ":" + std::to_string(line_) + ": " + parsed.error;
      return ReadStatus::kError;
    case LineStatus::kCommand:
      break;
  }
  command = std::move(parsed.command);
  command.source = source_;
  command.line = line_;
  return ReadStatus::kCommand;
}

bool readScript(std::istream& input, const std::string& source,
                std::vector<ScriptCommand>& commands, std::string& error) {
  ScriptReader reader(source);
  std::string text;
  while (std::getline(input, text)) {
    ScriptCommand command;
    switch (reader.parseNext(text, command, error)) {
      case ReadStatus::kCommand:
        commands.push_back(std::move(command));
        break;
      case ReadStatus::kBlank:
        break;
      case ReadStatus::kError:
        return false;
    }
  }
  return true;
}

}  // namespace fix_client
