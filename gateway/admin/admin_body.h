#pragma once

// Reads a POST body: a JSON object whose members are exactly the route's fields, each a JSON string.
// An empty body reads as {}.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/admin/admin_http_message.h"
#include "gateway/admin/admin_routes.h"

namespace gateway::admin {

// On success fills `values` (one per field, in order; "" for an absent optional field) and returns
// null; otherwise returns the 400 answer naming the problem and the field.
std::optional<AdminHttpResponse> readBodyFields(std::string_view body, std::span<const BodyField> fields,
                                                std::vector<std::string>& values);

}  // namespace gateway::admin
