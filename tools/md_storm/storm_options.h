#pragma once

// md-storm's command line (Boost.program_options).

#include <string>

#include "tools/md_storm/storm_loop.h"

namespace md_storm {

struct StormOptions {
  int venuePort = 0;        // md-storm's venue listens here
  int clientPort = 0;       // the gateway's client port
  int symbols = 8;
  StormSettings storm;
  std::string jsonPath;     // --json FILE
  int connectTimeoutSeconds = 30;
  std::string writeConfigDir;  // --write-config DIR: write gateway.cfg and risk.toml there and exit
  std::string dictionary;      // the gateway's FIX data dictionary (required)
  int orderRate = 0;           // --order-rate N: flow orders per second during the storm (0: none)
};

// 0: run with `options`; 1: help was shown (exit 0); 2: bad command line (message on stderr).
int parseOptions(int argc, char** argv, StormOptions& options);

}  // namespace md_storm
