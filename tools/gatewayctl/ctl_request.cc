#include "tools/gatewayctl/ctl_request.h"

#include <cctype>

#include <nlohmann/json.hpp>

namespace gatewayctl {
namespace {

struct CommandShape {
  const char* name;
  std::size_t arguments;
  const char* usage;
  bool takesReference;
  bool takesReason;
};

constexpr CommandShape kCommands[] = {
    {"accounts", 0, "accounts", false, false},
    {"status", 1, "status <account>", false, false},
    {"deposit", 2, "deposit <account> <amount> [--reference R]", true, false},
    {"withdraw", 2, "withdraw <account> <amount> [--reference R]", true, false},
    {"halt", 1, "halt <account> [--reason R]", false, true},
    {"resume", 1, "resume <account>", false, false},
    {"reload", 0, "reload", false, false},
};

std::string percentEncode(const std::string& segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : segment) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0f];
    }
  }
  return encoded;
}

std::string moneyBody(const CtlOptions& options) {
  nlohmann::json body = {{"amount", options.arguments.at(1)}};
  if (options.hasReference) body["reference"] = options.reference;
  return body.dump();
}

CtlRequest requestFor(const CtlOptions& options) {
  const std::string& command = options.command;
  if (command == "accounts") return {"GET", "/accounts", ""};
  if (command == "reload") return {"POST", "/config/reload", "{}"};
  const std::string account = "/accounts/" + percentEncode(options.arguments.at(0));
  if (command == "status") return {"GET", account, ""};
  if (command == "deposit") return {"POST", account + "/deposits", moneyBody(options)};
  if (command == "withdraw") return {"POST", account + "/withdrawals", moneyBody(options)};
  if (command == "halt") {
    nlohmann::json body = nlohmann::json::object();
    if (options.hasReason) body["reason"] = options.reason;
    return {"POST", account + "/halt", body.dump()};
  }
  return {"POST", account + "/resume", "{}"};
}

}  // namespace

std::optional<CtlRequest> buildRequest(const CtlOptions& options, std::string& error) {
  const CommandShape* shape = nullptr;
  for (const CommandShape& candidate : kCommands) {
    if (options.command == candidate.name) shape = &candidate;
  }
  if (shape == nullptr) {
    error = "unknown command '" + options.command + "' (accounts, status, deposit, withdraw, halt, resume, reload)";
    return std::nullopt;
  }
  if (options.arguments.size() != shape->arguments) {
    error = "usage: gatewayctl [options] " + std::string(shape->usage);
    return std::nullopt;
  }
  if (options.hasReference && !shape->takesReference) {
    error = "--reference goes with deposit and withdraw only";
    return std::nullopt;
  }
  if (options.hasReason && !shape->takesReason) {
    error = "--reason goes with halt only";
    return std::nullopt;
  }
  if (shape->arguments > 0 && options.arguments.at(0).empty()) {
    error = "the account must not be empty";
    return std::nullopt;
  }
  try {
    return requestFor(options);
  } catch (const nlohmann::json::exception&) {
    error = "the arguments must be UTF-8 text";
    return std::nullopt;
  }
}

}  // namespace gatewayctl
