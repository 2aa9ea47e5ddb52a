#include "tools/gatewayctl/json_fields.h"

#include <cctype>

namespace gatewayctl {
namespace {

// Objects an answer may group an account's numbers in.
constexpr std::string_view kNumberGroups[] = {"numbers", "snapshot"};

std::string snakeCase(std::string_view name) {
  std::string snake;
  for (const char c : name) {
    if (std::isupper(static_cast<unsigned char>(c)) != 0) {
      snake += '_';
      snake += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      snake += c;
    }
  }
  return snake;
}

const nlohmann::json* findDirect(const nlohmann::json& object, std::initializer_list<std::string_view> names) {
  if (!object.is_object()) return nullptr;
  for (const std::string_view name : names) {
    for (const std::string& spelling : {std::string(name), snakeCase(name)}) {
      const auto found = object.find(spelling);
      if (found != object.end()) return &*found;
    }
  }
  return nullptr;
}

}  // namespace

const nlohmann::json* findField(const nlohmann::json& object, std::initializer_list<std::string_view> names) {
  if (const nlohmann::json* direct = findDirect(object, names)) return direct;
  for (const std::string_view group : kNumberGroups) {
    const nlohmann::json* numbers = findDirect(object, {group});
    if (numbers == nullptr) continue;
    if (const nlohmann::json* nested = findDirect(*numbers, names)) return nested;
  }
  return nullptr;
}

std::string displayText(const nlohmann::json* value) {
  if (value == nullptr || value->is_null()) return "-";
  if (value->is_string()) return value->get<std::string>();
  return value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string fieldText(const nlohmann::json& object, std::initializer_list<std::string_view> names) {
  return displayText(findField(object, names));
}

}  // namespace gatewayctl
