#include "gateway/admin/admin_routes.h"

#include <array>

namespace gateway::admin {
namespace {

constexpr std::string_view kGet = "GET";
constexpr std::string_view kPost = "POST";

constexpr std::array<BodyField, 2> kMoneyFields = {BodyField{"amount", true, true}, BodyField{"reference", false, false}};
constexpr std::array<BodyField, 1> kHaltFields = {BodyField{"reason", false, false}};

std::optional<RouteMatch> accountRoute(const std::string& account, const std::string& action) {
  if (account.empty()) return std::nullopt;
  if (action == "deposits") return RouteMatch{AdminRoute::kDeposit, account, kPost};
  if (action == "withdrawals") return RouteMatch{AdminRoute::kWithdrawal, account, kPost};
  if (action == "halt") return RouteMatch{AdminRoute::kHalt, account, kPost};
  if (action == "resume") return RouteMatch{AdminRoute::kResume, account, kPost};
  return std::nullopt;
}

}  // namespace

std::optional<RouteMatch> matchRoute(const std::vector<std::string>& segments) {
  if (segments.empty()) return std::nullopt;
  if (segments[0] == "accounts") {
    if (segments.size() == 1) return RouteMatch{AdminRoute::kListAccounts, "", kGet};
    if (segments.size() == 2 && !segments[1].empty()) return RouteMatch{AdminRoute::kAccountStatus, segments[1], kGet};
    if (segments.size() == 3) return accountRoute(segments[1], segments[2]);
    return std::nullopt;
  }
  if (segments.size() == 2 && segments[0] == "config" && segments[1] == "reload") {
    return RouteMatch{AdminRoute::kReloadConfig, "", kPost};
  }
  return std::nullopt;
}

std::span<const BodyField> bodyFieldsOf(AdminRoute route) {
  switch (route) {
    case AdminRoute::kDeposit:
    case AdminRoute::kWithdrawal:
      return kMoneyFields;
    case AdminRoute::kHalt:
      return kHaltFields;
    case AdminRoute::kListAccounts:
    case AdminRoute::kAccountStatus:
    case AdminRoute::kResume:
    case AdminRoute::kReloadConfig:
      break;
  }
  return {};
}

}  // namespace gateway::admin
