#include "gateway/admin/admin_router.h"

#include <exception>
#include <vector>

#include "gateway/admin/admin_auth.h"
#include "gateway/admin/admin_body.h"
#include "gateway/admin/admin_errors.h"
#include "gateway/admin/admin_path.h"

namespace gateway::admin {
namespace {

constexpr int kBadRequest = 400;
constexpr int kUnauthorized = 401;
constexpr int kNotFound = 404;
constexpr int kMethodNotAllowed = 405;
constexpr int kInternalError = 500;
constexpr int kLowestStatus = 100;
constexpr int kHighestStatus = 599;
constexpr std::size_t kMaxAdminUser = 64;

// A user name goes into the audit trail and the log as one word: visible ASCII, no spaces.
bool isValidAdminUser(const std::string& user) {
  if (user.size() > kMaxAdminUser) return false;
  for (const char c : user) {
    if (c <= ' ' || c >= 0x7f) return false;
  }
  return true;
}

AdminHttpResponse passThrough(core::AdminResult result) {
  if (result.status < kLowestStatus || result.status > kHighestStatus) {
    return errorResponse(kInternalError, "BAD_SERVICE_RESULT",
                         "the gateway answered with HTTP status " + std::to_string(result.status));
  }
  AdminHttpResponse response;
  response.status = result.status;
  response.json = std::move(result.json);
  return response;
}

}  // namespace

AdminRouter::AdminRouter(core::AdminService& service, std::string token) : service_(service), token_(std::move(token)) {}

AdminHttpResponse AdminRouter::handle(const AdminHttpRequest& request) const {
  if (!token_.empty() && !bearerTokenMatches(request.authorization, token_)) {
    AdminHttpResponse response = errorResponse(
        kUnauthorized, "UNAUTHORIZED",
        request.authorization.empty() ? "this gateway needs 'Authorization: Bearer <token>'" : "the token is not valid");
    response.challengeBearer = true;
    return response;
  }
  std::string pathError;
  const auto segments = splitPath(request.target, pathError);
  if (!segments) return errorResponse(kBadRequest, "BAD_PATH", pathError);
  const auto match = matchRoute(*segments);
  if (!match) {
    return errorResponse(kNotFound, "NOT_FOUND", "no such route: " + std::string(pathOf(request.target)));
  }
  if (request.method != match->method) {
    AdminHttpResponse response =
        errorResponse(kMethodNotAllowed, "METHOD_NOT_ALLOWED",
                      request.method + " is not allowed on " + std::string(pathOf(request.target)) + " (use " +
                          std::string(match->method) + ")");
    response.allow = std::string(match->method);
    return response;
  }
  return call(*match, request);
}

AdminHttpResponse AdminRouter::call(const RouteMatch& match, const AdminHttpRequest& request) const {
  core::AdminActor actor{request.adminUser};
  std::vector<std::string> fields;
  if (match.method == "POST") {
    if (actor.user.empty()) {
      return errorResponse(kBadRequest, "MISSING_ADMIN_USER",
                           "every POST needs the X-Admin-User header naming who asks (for the audit trail)");
    }
    if (!isValidAdminUser(actor.user)) {
      return errorResponse(kBadRequest, "BAD_ADMIN_USER",
                           "X-Admin-User must be one word of visible ASCII, at most 64 characters");
    }
    if (auto problem = readBodyFields(request.body, bodyFieldsOf(match.route), fields)) return *problem;
  }
  try {
    return callService(match, fields, actor);
  } catch (const std::exception& e) {
    return errorResponse(kInternalError, "INTERNAL_ERROR", std::string("the gateway failed: ") + e.what());
  } catch (...) {
    return errorResponse(kInternalError, "INTERNAL_ERROR", "the gateway failed");
  }
}

AdminHttpResponse AdminRouter::callService(const RouteMatch& match, const std::vector<std::string>& fields,
                                           const core::AdminActor& actor) const {
  switch (match.route) {
    case AdminRoute::kListAccounts:
      return passThrough(service_.listAccounts());
    case AdminRoute::kAccountStatus:
      return passThrough(service_.accountStatus(match.account));
    case AdminRoute::kDeposit:
      return passThrough(service_.confirmDeposit(match.account, fields.at(0), fields.at(1), actor));
    case AdminRoute::kWithdrawal:
      return passThrough(service_.withdraw(match.account, fields.at(0), fields.at(1), actor));
    case AdminRoute::kHalt:
      return passThrough(service_.halt(match.account, fields.at(0), actor));
    case AdminRoute::kResume:
      return passThrough(service_.resume(match.account, actor));
    case AdminRoute::kReloadConfig:
      return passThrough(service_.reloadConfig(actor));
  }
  return errorResponse(kInternalError, "INTERNAL_ERROR", "unhandled route");
}

}  // namespace gateway::admin
