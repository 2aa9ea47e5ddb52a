#pragma once

// fix-client's command line (Boost.Program_options). C++14-clean, no QuickFIX.

#include <ostream>
#include <string>

namespace fix_client {

struct ClientOptions {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string senderCompId = "CLIENT1";
  std::string targetCompId = "BROKER";
  std::string password;                 // sent as Password (554) on the Logon when not empty
  bool reset = false;                   // ResetSeqNumFlag=Y on the Logon
  std::string dictionary = "fix-config/FIX44-gateway.xml";
  std::string script;                   // empty: commands from stdin
  std::string logFile;                  // empty: no message log
  bool quiet = false;
};

enum class OptionsStatus { kRun, kHelp, kError };

// kHelp: the usage was written to `help`. kError: `error` says what is wrong.
OptionsStatus parseClientOptions(int argc, const char* const argv[], ClientOptions& options,
                                 std::ostream& help, std::string& error);

}  // namespace fix_client
