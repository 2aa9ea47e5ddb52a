#pragma once

// The optional shared token: `Authorization: Bearer <token>`.

#include <string_view>

namespace gateway::admin {

// True when `authorization` is "Bearer <token>" (scheme in any case) with exactly `token`. The
// comparison takes the same time wherever the first difference is.
bool bearerTokenMatches(std::string_view authorization, std::string_view token);

}  // namespace gateway::admin
