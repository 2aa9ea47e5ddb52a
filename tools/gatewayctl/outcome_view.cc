#include <string>

#include "tools/gatewayctl/answer_views.h"
#include "tools/gatewayctl/json_fields.h"

namespace gatewayctl {
namespace {

bool isEnvelope(const std::string& name) { return name == "ok" || name == "code" || name == "message"; }

void printMember(std::ostream& out, const std::string& name, const nlohmann::json& value) {
  if (value.is_array()) {
    out << "  " << name << ": " << value.size() << (value.size() == 1 ? " entry" : " entries") << "\n";
  } else {
    out << "  " << name << ": " << displayText(&value) << "\n";
  }
}

}  // namespace

void printOtherFields(std::ostream& out, const nlohmann::json& answer) {
  if (!answer.is_object()) {
    out << "  " << displayText(&answer) << "\n";
    return;
  }
  for (const auto& [name, value] : answer.items()) {
    if (isEnvelope(name)) continue;
    if (!value.is_object()) {
      printMember(out, name, value);
      continue;
    }
    for (const auto& [member, inner] : value.items()) {
      printMember(out, name + "." + member, inner.is_object() ? nlohmann::json("{...}") : inner);
    }
  }
}

void printOutcomeView(std::ostream& out, const std::string& command, const nlohmann::json& answer) {
  out << command << ": done";
  const nlohmann::json* message = findField(answer, {"message"});
  if (message != nullptr && message->is_string()) out << ": " << message->get<std::string>();
  const nlohmann::json* amount = findField(answer, {"amount"});
  if (amount != nullptr) {
    out << " (amount " << displayText(amount);
    const nlohmann::json* reference = findField(answer, {"reference"});
    if (reference != nullptr && !displayText(reference).empty()) out << ", reference " << displayText(reference);
    out << ")";
  }
  out << "\n";
  // An answer that is the account's report after the change is shown like `status`.
  if (findField(answer, {"state"}) != nullptr && findField(answer, {"equity"}) != nullptr) {
    printStatusView(out, answer);
  } else {
    printOtherFields(out, answer);
  }
}

void printRefusalView(std::ostream& out, int status, const nlohmann::json& answer) {
  out << "gatewayctl: " << (status >= 500 ? "the gateway failed" : "refused") << " (HTTP " << status << ")";
  const nlohmann::json* code = findField(answer, {"code"});
  if (code != nullptr) out << ": " << displayText(code);
  const nlohmann::json* message = findField(answer, {"message"});
  if (message != nullptr) out << ": " << displayText(message);
  out << "\n";
  printOtherFields(out, answer);
}

}  // namespace gatewayctl
