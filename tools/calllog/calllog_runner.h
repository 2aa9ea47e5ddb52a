#pragma once

// Runs one calllog command on the database, read-only, and returns its exit code (exit_codes.h).

#include <ostream>

#include "tools/calllog/calllog_options.h"

namespace calllog {

int runCalllog(const CalllogOptions& options, std::ostream& out, std::ostream& err);

}  // namespace calllog
