#pragma once

// Small pieces the calllog views share.

#include <cstdint>
#include <optional>
#include <string>

#include "store/margin_call_summary.h"

namespace calllog {

// UTC text, or "-" when there is no time.
std::string timeOrDash(const std::optional<std::int64_t>& ns);

// "open", "liquidating", "closed: cured_by_deposit".
std::string statusText(const store::MarginCall& call);

// "-" for an empty cell.
std::string orDash(const std::string& text);

}  // namespace calllog
