#include "tools/fix_client/script_parser.h"

#include <cctype>
#include <cstdint>

#include "gateway/bridge/fix_decimal.h"

namespace fix_client {
namespace {

constexpr std::int64_t kDecimalUnitsPerMs = 100000;  // fix_decimal counts 1e-8
constexpr std::int64_t kMaxWaitMs = 3600 * 1000;
constexpr std::size_t kMaxTagDigits = 9;

const char* const kOrderUsage =
    "order <ClOrdID> <account> <symbol> <buy|sell> <qty> <price|market> [day|gtc|ioc|fok]";
const char* const kCancelUsage =
    "cancel <ClOrdID> <OrigClOrdID> <account> <symbol> <buy|sell> <qty>";
const char* const kReplaceUsage =
    "replace <ClOrdID> <OrigClOrdID> <account> <symbol> <buy|sell> <qty> <price>";
const char* const kSendUsage = "send <MsgType> <tag>=<value> ...";
const char* const kExpectUsage = "expect <MsgType> [<tag>=<value> ...] [within <seconds>]";

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string trim(const std::string& text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && isSpace(text[begin])) ++begin;
  while (end > begin && isSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

bool isDigits(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool isAlnum(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool isIdentifier(const std::string& text) {
  if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

std::string usage(const char* text) { return std::string("usage: ") + text; }

bool parseSide(const std::string& text, char& side, std::string& error) {
  const std::string word = lowercase(text);
  if (word == "buy") {
    side = '1';
  } else if (word == "sell") {
    side = '2';
  } else {
    error = "side must be buy or sell, not '" + text + "'";
    return false;
  }
  return true;
}

bool parseQuantity(const std::string& text, std::string& quantity, std::string& error) {
  std::int64_t raw = 0;
  if (!gateway::bridge::parseFixDecimal(text, raw) || raw <= 0) {
    error = "quantity must be a positive decimal (at most 8 decimal places), not '" + text + "'";
    return false;
  }
  quantity = gateway::bridge::formatFixDecimal(raw);
  return true;
}

bool parsePrice(const std::string& text, std::string& price, std::string& error) {
  std::int64_t raw = 0;
  if (!gateway::bridge::parseFixDecimal(text, raw)) {
    error = "price must be a decimal (at most 8 decimal places), not '" + text + "'";
    return false;
  }
  price = gateway::bridge::formatFixDecimal(raw);
  return true;
}

bool parseTimeInForce(const std::string& text, std::string& code, std::string& error) {
  const std::string word = lowercase(text);
  if (word == "day") {
    code = "0";
  } else if (word == "gtc") {
    code = "1";
  } else if (word == "ioc") {
    code = "3";
  } else if (word == "fok") {
    code = "4";
  } else {
    error = "time in force must be day, gtc, ioc or fok, not '" + text + "'";
    return false;
  }
  return true;
}

bool parseMsgType(const std::string& text, std::string& msgType, std::string& error) {
  if (!isAlnum(text)) {
    error = "'" + text + "' is not a message type (a name such as ExecutionReport or a code such as 8)";
    return false;
  }
  msgType = text;
  return true;
}

// `tag=value`: tag is a number or a field name; the value is not empty.
bool parseFieldValue(const std::string& token, FieldValue& field, std::string& error) {
  const std::size_t equals = token.find('=');
  if (equals == std::string::npos) {
    error = "expected <tag>=<value>, got '" + token + "'";
    return false;
  }
  field.field = token.substr(0, equals);
  field.value = token.substr(equals + 1);
  field.tag = 0;
  const bool number = isDigits(field.field) && field.field.size() <= kMaxTagDigits &&
                      field.field[0] != '0';
  if (!number && !isIdentifier(field.field)) {
    error = "'" + field.field + "' is neither a tag number nor a field name (in '" + token + "')";
    return false;
  }
  if (field.value.empty()) {
    error = "empty value in '" + token + "'";
    return false;
  }
  return true;
}

bool parseFields(const std::vector<std::string>& tokens, std::size_t begin, std::size_t end,
                 std::vector<FieldValue>& fields, std::string& error) {
  for (std::size_t i = begin; i < end; ++i) {
    FieldValue field;
    if (!parseFieldValue(tokens[i], field, error)) return false;
    fields.push_back(field);
  }
  return true;
}

// Whole milliseconds in [1, kMaxWaitMs] from decimal seconds ("10", "0.25").
bool parseSeconds(const std::string& text, std::int64_t& ms, std::string& error) {
  std::int64_t raw = 0;
  if (gateway::bridge::parseFixDecimal(text, raw) && raw % kDecimalUnitsPerMs == 0) {
    ms = raw / kDecimalUnitsPerMs;
    if (ms >= 1 && ms <= kMaxWaitMs) return true;
  }
  error = "within takes seconds from 0.001 to 3600 (at most 3 decimal places), not '" + text + "'";
  return false;
}

bool parseMilliseconds(const std::string& text, std::int64_t& ms, std::string& error) {
  if (isDigits(text) && text.size() <= 7) {
    ms = std::stoll(text);
    if (ms <= kMaxWaitMs) return true;
  }
  error = "sleep takes whole milliseconds from 0 to 3600000, not '" + text + "'";
  return false;
}

bool parseOrder(const std::vector<std::string>& args, OrderParams& order, std::string& error) {
  if (args.size() != 6 && args.size() != 7) {
    error = usage(kOrderUsage);
    return false;
  }
  order.clOrdId = args[0];
  order.account = args[1];
  order.symbol = args[2];
  if (!parseSide(args[3], order.side, error) || !parseQuantity(args[4], order.quantity, error)) {
    return false;
  }
  if (lowercase(args[5]) == "market") {
    order.market = true;
  } else if (!parsePrice(args[5], order.price, error)) {
    return false;
  }
  return args.size() == 6 || parseTimeInForce(args[6], order.timeInForce, error);
}

bool parseCancel(const std::vector<std::string>& args, OrderParams& order, std::string& error) {
  if (args.size() != 6) {
    error = usage(kCancelUsage);
    return false;
  }
  order.clOrdId = args[0];
  order.origClOrdId = args[1];
  order.account = args[2];
  order.symbol = args[3];
  return parseSide(args[4], order.side, error) && parseQuantity(args[5], order.quantity, error);
}

bool parseReplace(const std::vector<std::string>& args, OrderParams& order, std::string& error) {
  if (args.size() != 7) {
    error = usage(kReplaceUsage);
    return false;
  }
  order.clOrdId = args[0];
  order.origClOrdId = args[1];
  order.account = args[2];
  order.symbol = args[3];
  return parseSide(args[4], order.side, error) &&
         parseQuantity(args[5], order.quantity, error) && parsePrice(args[6], order.price, error);
}

bool parseSend(const std::vector<std::string>& args, ScriptCommand& command, std::string& error) {
  if (args.empty()) {
    error = usage(kSendUsage);
    return false;
  }
  return parseMsgType(args[0], command.msgType, error) &&
         parseFields(args, 1, args.size(), command.fields, error);
}

bool parseExpect(const std::vector<std::string>& args, ScriptCommand& command,
                 std::string& error) {
  if (args.empty()) {
    error = usage(kExpectUsage);
    return false;
  }
  std::size_t fieldsEnd = args.size();
  if (args.size() >= 2 && lowercase(args[args.size() - 2]) == "within") {
    if (!parseSeconds(args.back(), command.timeoutMs, error)) return false;
    fieldsEnd -= 2;
  } else if (lowercase(args.back()) == "within") {
    error = "within needs a number of seconds; " + usage(kExpectUsage);
    return false;
  }
  return parseMsgType(args[0], command.msgType, error) &&
         parseFields(args, 1, fieldsEnd, command.fields, error);
}

bool parseArguments(const std::string& keyword, const std::vector<std::string>& args,
                    ScriptCommand& command, std::string& error) {
  if (keyword == "order") {
    command.kind = CommandKind::kOrder;
    return parseOrder(args, command.order, error);
  }
  if (keyword == "cancel") {
    command.kind = CommandKind::kCancel;
    return parseCancel(args, command.order, error);
  }
  if (keyword == "replace") {
    command.kind = CommandKind::kReplace;
    return parseReplace(args, command.order, error);
  }
  if (keyword == "send") {
    command.kind = CommandKind::kSend;
    return parseSend(args, command, error);
  }
  if (keyword == "expect") {
    command.kind = CommandKind::kExpect;
    return parseExpect(args, command, error);
  }
  if (keyword == "sleep") {
    command.kind = CommandKind::kSleep;
    if (args.size() != 1) {
      error = usage("sleep <milliseconds>");
      return false;
    }
    return parseMilliseconds(args[0], command.sleepMs, error);
  }
  if (keyword == "logout") {
    command.kind = CommandKind::kLogout;
    if (!args.empty()) {
      error = usage("logout");
      return false;
    }
    return true;
  }
  error = "unknown command '" + keyword +
          "' (order, cancel, replace, send, expect, print, sleep, logout)";
  return false;
}

}  // namespace

bool tokenizeScriptLine(const std::string& line, std::vector<std::string>& tokens,
                        std::string& error) {
  tokens.clear();
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && isSpace(line[i])) ++i;
    if (i == line.size() || line[i] == '#') break;
    std::string token;
    bool quoted = false;
    for (; i < line.size() && (quoted || !isSpace(line[i])); ++i) {
      const char c = line[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (quoted && c == '\\' && i + 1 < line.size() &&
                 (line[i + 1] == '"' || line[i + 1] == '\\')) {
        token += line[++i];
      } else {
        token += c;
      }
    }
    if (quoted) {
      error = "unterminated quote";
      return false;
    }
    tokens.push_back(token);
  }
  return true;
}

ParsedLine parseScriptLine(const std::string& line) {
  ParsedLine parsed;
  const std::string trimmed = trim(line);
  if (trimmed.empty() || trimmed[0] == '#') return parsed;

  std::size_t keywordEnd = 0;
  while (keywordEnd < trimmed.size() && !isSpace(trimmed[keywordEnd])) ++keywordEnd;
  const std::string keyword = lowercase(trimmed.substr(0, keywordEnd));
  parsed.status = LineStatus::kError;

  if (keyword == "print") {
    parsed.command.kind = CommandKind::kPrint;
    parsed.command.text = trim(trimmed.substr(keywordEnd));
    parsed.status = LineStatus::kCommand;
    return parsed;
  }

  std::vector<std::string> tokens;
  if (!tokenizeScriptLine(trimmed.substr(keywordEnd), tokens, parsed.error)) return parsed;
  if (parseArguments(keyword, tokens, parsed.command, parsed.error)) {
    parsed.status = LineStatus::kCommand;
  }
  return parsed;
}

}  // namespace fix_client
