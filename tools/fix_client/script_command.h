#pragma once

// One parsed script command (see README.md for the language). C++14-clean, no QuickFIX.

#include <cstdint>
#include <string>
#include <vector>

namespace fix_client {

enum class CommandKind { kOrder, kCancel, kReplace, kSend, kExpect, kPrint, kSleep, kLogout };

// A `tag=value` pair as written, and the tag once resolved against the data dictionary.
struct FieldValue {
  std::string field;  // a tag number ("11") or a dictionary field name ("ClOrdID")
  std::string value;
  int tag = 0;        // 0 until resolved
};

// order, cancel and replace. Quantities and prices are exact FIX decimals in canonical text.
struct OrderParams {
  std::string clOrdId;
  std::string origClOrdId;  // cancel, replace
  std::string account;
  std::string symbol;
  char side = '1';          // FIX Side: '1' buy, '2' sell
  std::string quantity;
  bool market = false;      // order: OrdType 1 instead of 2
  std::string price;        // empty for a market order
  std::string timeInForce;  // FIX TimeInForce code, empty when not given
};

constexpr std::int64_t kDefaultExpectTimeoutMs = 10000;

struct ScriptCommand {
  CommandKind kind = CommandKind::kPrint;
  std::string source;  // script file name, or "<stdin>"
  int line = 0;

  OrderParams order;                       // kOrder, kCancel, kReplace
  std::string msgType;                     // kSend, kExpect: a name or a MsgType code, as written
  std::string msgTypeCode;                 // kSend, kExpect: the code, once resolved
  std::vector<FieldValue> fields;          // kSend: body fields in order; kExpect: conditions
  std::int64_t timeoutMs = kDefaultExpectTimeoutMs;  // kExpect
  std::string text;                        // kPrint
  std::int64_t sleepMs = 0;                // kSleep
};

// "file:line" for messages about this command.
inline std::string where(const ScriptCommand& command) {
  return command.source + ":" + std::to_string(command.line);
}

}  // namespace fix_client
