#pragma once

// The venue-sim command line (Boost.Program_options) turned into a VenueConfig.

#include <ostream>
#include <string>

#include "tools/venue_sim/venue_config.h"

namespace venue_sim {

struct CommandLine {
  VenueConfig config;
  int stepMs = 1000;          // random walk period in the executable
  std::string scenarioPath;   // for the start-up summary
  bool showHelp = false;
};

// Throws std::invalid_argument with a message for the user (bad option, bad value, bad scenario file).
CommandLine parseCommandLine(int argc, const char* const argv[]);
void printHelp(std::ostream& out);

}  // namespace venue_sim
