#include "tools/fix_client/script_runner.h"

#include <chrono>

#include <quickfix/Message.h>

#include "tools/fix_client/exit_codes.h"
#include "tools/fix_client/message_builder.h"
#include "tools/fix_client/message_matcher.h"

namespace fix_client {
namespace {

// "10 s", "0.5 s", "0.25 s".
std::string secondsText(std::int64_t ms) {
  std::string text = std::to_string(ms / 1000);
  std::int64_t fraction = ms % 1000;
  if (fraction != 0) {
    std::string digits = std::to_string(1000 + fraction).substr(1);
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return text + " s";
}

}  // namespace

bool sendsMessage(const ScriptCommand& command) {
  switch (command.kind) {
    case CommandKind::kOrder:
    case CommandKind::kCancel:
    case CommandKind::kReplace:
    case CommandKind::kSend:
      return true;
    default:
      return false;
  }
}

std::string describeExpectation(const ScriptCommand& command, const FixDictionary& dictionary) {
  std::string text = dictionary.messageName(command.msgTypeCode);
  for (const FieldValue& field : command.fields) {
    text += " " + dictionary.fieldName(field.tag) + "=" + field.value;
  }
  return text;
}

int ScriptRunner::run(const ScriptCommand& command) {
  switch (command.kind) {
    case CommandKind::kOrder: {
      FIX::Message message = newOrderSingle(command.order);
      return send(command, message);
    }
    case CommandKind::kCancel: {
      FIX::Message message = orderCancelRequest(command.order);
      return send(command, message);
    }
    case CommandKind::kReplace: {
      FIX::Message message = orderCancelReplaceRequest(command.order);
      return send(command, message);
    }
    case CommandKind::kSend: {
      FIX::Message message;
      std::string error;
      if (!buildMessage(command.msgTypeCode, command.fields, dictionary_, message, error)) {
        console_.error(where(command) + ": " + error);
        return kExitBadInput;
      }
      return send(command, message);
    }
    case CommandKind::kExpect:
      return expect(command);
    case CommandKind::kPrint:
      console_.say(command.text);
      return kExitOk;
    case CommandKind::kSleep:
      session_.pumpUntil([] { return false; },
                         ClientSession::Clock::now() + std::chrono::milliseconds(command.sleepMs));
      return kExitOk;
    case CommandKind::kLogout:
      loggedOut_ = true;
      session_.stop();
      return kExitOk;
  }
  return kExitOk;
}

int ScriptRunner::send(const ScriptCommand& command, FIX::Message& message) {
  if (loggedOut_) {
    console_.error(where(command) + ": cannot send after logout");
    return kExitBadInput;
  }
  std::string error;
  if (!session_.send(message, error)) {
    console_.error(where(command) + ": " + error);
    return kExitLogonFailed;
  }
  return kExitOk;
}

int ScriptRunner::expect(const ScriptCommand& command) {
  const auto deadline = ClientSession::Clock::now() + std::chrono::milliseconds(command.timeoutMs);
  ReceivedMessage match;
  bool found = false;
  // Nothing new can arrive once the session is over: stop waiting then.
  session_.pumpUntil(
      [&] {
        found = received_.takeFirst(
            [&command](const ReceivedMessage& message) {
              return matchesExpectation(message, command.msgTypeCode, command.fields);
            },
            match);
        return found || application_.state() != SessionState::kLoggedOn;
      },
      deadline);
  if (found) {
    if (console_.quiet()) console_.say("<- " + match.text);
    return kExitOk;
  }
  const std::string wanted = describeExpectation(command, dictionary_);
  if (application_.lost()) {
    console_.error(where(command) + ": the session ended while waiting for " + wanted);
    return kExitLogonFailed;
  }
  const bool over = application_.state() != SessionState::kLoggedOn;
  console_.error(where(command) + ": expect " +
                 (over ? std::string("failed after logout")
                       : "timed out after " + secondsText(command.timeoutMs)) +
                 ": no " + wanted);
  return kExitExpectTimedOut;
}

}  // namespace fix_client
