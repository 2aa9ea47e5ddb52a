#include "tools/calllog/view_helpers.h"

#include "tools/calllog/call_views.h"
#include "tools/calllog/time_text.h"

namespace calllog {

std::string timeOrDash(const std::optional<std::int64_t>& ns) { return ns ? formatUtcMillis(*ns) : "-"; }

std::string statusText(const store::MarginCall& call) {
  return call.outcome ? call.status + ": " + *call.outcome : call.status;
}

std::string orDash(const std::string& text) { return text.empty() ? "-" : text; }

std::string dumpJson(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace calllog
