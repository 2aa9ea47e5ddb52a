#pragma once

// Turns one admin request into one AdminService call: authorisation, routing, the actor, the body.
// The service's AdminResult is passed through unchanged; the router's own refusals are JSON
// {"ok":false,"code":"...","message":"..."}. No sockets here: AdminConnection feeds it.

#include <string>

#include "gateway/admin/admin_http_message.h"
#include "gateway/admin/admin_routes.h"
#include "gateway/core/admin_service.h"

namespace gateway::admin {

class AdminRouter {
 public:
  // `token` empty: no Authorization needed.
  AdminRouter(core::AdminService& service, std::string token);

  AdminHttpResponse handle(const AdminHttpRequest& request) const;

 private:
  AdminHttpResponse call(const RouteMatch& match, const AdminHttpRequest& request) const;
  AdminHttpResponse callService(const RouteMatch& match, const std::vector<std::string>& fields,
                                const core::AdminActor& actor) const;

  core::AdminService& service_;
  std::string token_;
};

}  // namespace gateway::admin
