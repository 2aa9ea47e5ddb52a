#pragma once

// gatewayctl's command line (Boost.Program_options): the connection options, then the command and
// its arguments.

#include <ostream>
#include <string>
#include <vector>

namespace gatewayctl {

struct CtlOptions {
  std::string host = "127.0.0.1";
  int port = 0;              // set to the default admin port by parseCtlOptions
  std::string user;          // X-Admin-User: --user, else $USER, else "admin"
  std::string token;         // --token, else $GATEWAYCTL_TOKEN; empty: no Authorization header
  int timeoutSeconds = 10;   // for the whole exchange
  bool json = false;         // print the answer's JSON as it came
  std::string command;       // accounts, status, deposit, withdraw, halt, resume, reload
  std::vector<std::string> arguments;
  std::string reference;     // deposit, withdraw
  std::string reason;        // halt
  bool hasReference = false;
  bool hasReason = false;
};

enum class OptionsStatus { kRun, kHelp, kError };

// kHelp: the usage was written to `help`. kError: `error` says what is wrong.
OptionsStatus parseCtlOptions(int argc, const char* const argv[], CtlOptions& options, std::ostream& help,
                              std::string& error);

}  // namespace gatewayctl
