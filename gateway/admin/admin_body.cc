#include "gateway/admin/admin_body.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "gateway/admin/admin_errors.h"

namespace gateway::admin {
namespace {

constexpr int kBadRequest = 400;

bool isBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string expectedFields(std::span<const BodyField> fields) {
  if (fields.empty()) return "no fields";
  std::string names;
  for (const BodyField& field : fields) names += (names.empty() ? "" : ", ") + std::string(field.name);
  return names;
}

std::optional<AdminHttpResponse> readValue(const nlohmann::json& value, const BodyField& field, std::string& out) {
  if (value.is_string()) {
    out = value.get<std::string>();
    return std::nullopt;
  }
  const std::string name(field.name);
  if (field.exactDecimal && value.is_number()) {
    return errorResponse(kBadRequest, "AMOUNT_NOT_STRING",
                         "field '" + name + "' must be a JSON string such as \"12340.50\": quote the amount so that "
                         "its decimal digits stay exact");
  }
  return errorResponse(kBadRequest, "FIELD_NOT_STRING", "field '" + name + "' must be a JSON string");
}

}  // namespace

std::optional<AdminHttpResponse> readBodyFields(std::string_view body, std::span<const BodyField> fields,
                                                std::vector<std::string>& values) {
  values.assign(fields.size(), std::string());
  nlohmann::json document = nlohmann::json::object();
  if (!isBlank(body)) {
    document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded()) {
      return errorResponse(kBadRequest, "MALFORMED_JSON", "the request body is not valid JSON");
    }
  }
  if (!document.is_object()) {
    return errorResponse(kBadRequest, "BODY_NOT_OBJECT",
                         "the request body must be a JSON object with " + expectedFields(fields));
  }
  for (const auto& [name, value] : document.items()) {
    const auto known = std::find_if(fields.begin(), fields.end(), [&](const BodyField& f) { return f.name == name; });
    if (known == fields.end()) {
      return errorResponse(kBadRequest, "UNKNOWN_FIELD",
                           "unknown field '" + name + "' (expected " + expectedFields(fields) + ")");
    }
    if (auto problem = readValue(value, *known, values[static_cast<std::size_t>(known - fields.begin())])) {
      return problem;
    }
  }
  for (const BodyField& field : fields) {
    if (field.required && !document.contains(field.name)) {
      return errorResponse(kBadRequest, "MISSING_FIELD", "missing field '" + std::string(field.name) + "'");
    }
  }
  return std::nullopt;
}

}  // namespace gateway::admin
