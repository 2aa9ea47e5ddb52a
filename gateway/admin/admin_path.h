#pragma once

// Splits a request target into its decoded path segments: "/accounts/ACC%201?x=1" gives
// {"accounts", "ACC 1"}. The query, if any, is ignored.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gateway::admin {

// Null when the target is not an absolute path or holds a bad percent escape (`error` says which).
// Empty segments are kept ("/accounts/" gives {"accounts", ""}) so that routing can refuse them.
std::optional<std::vector<std::string>> splitPath(std::string_view target, std::string& error);

// The path without its query, for logs and messages.
std::string_view pathOf(std::string_view target);

}  // namespace gateway::admin
