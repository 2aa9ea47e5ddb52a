#include "tools/fix_client/command_resolver.h"

#include <quickfix/Message.h>

#include "tools/fix_client/message_builder.h"

namespace fix_client {
namespace {

bool resolveNames(ScriptCommand& command, const FixDictionary& dictionary, std::string& error) {
  if (!dictionary.msgTypeCode(command.msgType, command.msgTypeCode)) {
    error = "unknown message type '" + command.msgType + "' (not in the data dictionary)";
    return false;
  }
  for (FieldValue& field : command.fields) {
    if (!dictionary.fieldTag(field.field, field.tag)) {
      error = "unknown field '" + field.field + "' (not in the data dictionary)";
      return false;
    }
  }
  return true;
}

bool checkExpectation(const ScriptCommand& command, const FixDictionary& dictionary,
                      std::string& error) {
  for (const FieldValue& field : command.fields) {
    if (FIX::Message::isHeaderField(field.tag) || FIX::Message::isTrailerField(field.tag)) {
      error = "expect matches body fields only, and " + dictionary.fieldName(field.tag) +
              " is a header or trailer field";
      return false;
    }
  }
  return true;
}

}  // namespace

bool resolveCommand(ScriptCommand& command, const FixDictionary& dictionary, std::string& error) {
  if (command.kind != CommandKind::kSend && command.kind != CommandKind::kExpect) return true;
  std::string problem;
  bool ok = resolveNames(command, dictionary, problem);
  if (ok && command.kind == CommandKind::kExpect) {
    ok = checkExpectation(command, dictionary, problem);
  }
  if (ok && command.kind == CommandKind::kSend) {
    FIX::Message trial;
    ok = buildMessage(command.msgTypeCode, command.fields, dictionary, trial, problem);
  }
  if (!ok) error = where(command) + ": " + problem;
  return ok;
}

}  // namespace fix_client
