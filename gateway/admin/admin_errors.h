#pragma once

// The server's own error answers: {"ok":false,"code":"...","message":"..."}.

#include <string_view>

#include "gateway/admin/admin_http_message.h"

namespace gateway::admin {

AdminHttpResponse errorResponse(int status, std::string_view code, std::string_view message);

}  // namespace gateway::admin
