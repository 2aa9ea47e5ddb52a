#pragma once

// Reading the gateway's JSON answers leniently for display: a field may be spelled camelCase or
// snake_case, sit at the top or inside a "numbers" or "snapshot" object, and be a string (amounts
// are decimal text) or another JSON value.

#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace gatewayctl {

// The first of `names` found in `object` (each also tried in snake_case), else in object["numbers"]
// or object["snapshot"]; null when none is there or `object` is not an object.
const nlohmann::json* findField(const nlohmann::json& object, std::initializer_list<std::string_view> names);

// A value as text: strings as they are, null or absent as "-", anything else as compact JSON.
std::string displayText(const nlohmann::json* value);

// findField then displayText.
std::string fieldText(const nlohmann::json& object, std::initializer_list<std::string_view> names);

}  // namespace gatewayctl
