#include "gateway/admin/admin_errors.h"

#include <nlohmann/json.hpp>

namespace gateway::admin {

AdminHttpResponse errorResponse(int status, std::string_view code, std::string_view message) {
  // ordered_json keeps "ok" first, as every answer of the admin API starts.
  const nlohmann::ordered_json body = {{"ok", false}, {"code", code}, {"message", message}};
  AdminHttpResponse response;
  response.status = status;
  // Messages can quote what the client sent: invalid UTF-8 is replaced rather than thrown on.
  response.json = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

}  // namespace gateway::admin
