#pragma once

// fix-load's command line (Boost.program_options) into a LoadConfig, with every check that can be
// made before connecting.

#include <string>
#include <vector>

#include "tools/fix_load/load_config.h"

namespace fix_load {

struct ParsedOptions {
  enum class Outcome { kRun, kHelp, kError };
  Outcome outcome = Outcome::kError;
  LoadConfig config;
  std::string message;  // the help text (kHelp) or what is wrong (kError)
};

ParsedOptions parseOptions(const std::vector<std::string>& args);

}  // namespace fix_load
