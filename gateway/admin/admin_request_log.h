#pragma once

// The one line logged per admin request: `ADMIN <user> <method> <path> -> <status>`.

#include <string>
#include <string_view>

namespace gateway::admin {

// Each word is made safe for a one-line log: characters other than visible ASCII become '?', long
// words are cut, and an empty word is '-' (a request without X-Admin-User logs its user as '-').
std::string requestLogLine(std::string_view user, std::string_view method, std::string_view path, int status);

}  // namespace gateway::admin
