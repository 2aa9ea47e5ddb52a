#pragma once

// The admin API's routes: which path is which operation, with which method and which body fields.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gateway::admin {

enum class AdminRoute { kListAccounts, kAccountStatus, kDeposit, kWithdrawal, kHalt, kResume, kReloadConfig };

struct RouteMatch {
  AdminRoute route = AdminRoute::kListAccounts;
  std::string account;       // the {id} segment, decoded; empty for routes without one
  std::string_view method;   // the one method the route accepts: "GET" or "POST"
};

// A field of a JSON request body: always a JSON string.
struct BodyField {
  std::string_view name;
  bool required = false;
  bool exactDecimal = false;  // an amount: a JSON number is refused so that no digit is lost
};

// Null when no route has this path (a 404).
std::optional<RouteMatch> matchRoute(const std::vector<std::string>& segments);

// The body fields the route reads, in the order the router passes them on; empty for GET routes.
std::span<const BodyField> bodyFieldsOf(AdminRoute route);

}  // namespace gateway::admin
