#include "tools/fix_client/client_options.h"

#include <boost/program_options.hpp>

namespace fix_client {
namespace {

namespace po = boost::program_options;

constexpr int kMaxPort = 65535;

po::options_description describeOptions(ClientOptions& options) {
  po::options_description description(
      "fix-client: a scriptable FIX 4.4 client for the risk gateway\n"
      "Usage: fix-client --port N [options] [--script FILE]\n"
      "Commands come from --script, or from stdin (prompting when it is a terminal).\n"
      "Exit codes: 0 ok, 2 bad arguments or script line, 3 logon failed or session lost,\n"
      "4 expect timed out.\n\nOptions");
  description.add_options()
      ("help,h", "show this help")
      ("host", po::value(&options.host)->default_value(options.host), "gateway host")
      ("port", po::value(&options.port)->required(), "gateway port (required)")
      ("sender-comp-id", po::value(&options.senderCompId)->default_value(options.senderCompId),
       "SenderCompID (49) of this client")
      ("target-comp-id", po::value(&options.targetCompId)->default_value(options.targetCompId),
       "TargetCompID (56): the gateway")
      ("password", po::value(&options.password), "Password (554) sent on the Logon")
      ("reset", po::bool_switch(&options.reset), "send ResetSeqNumFlag=Y (141) on the Logon")
      ("dictionary", po::value(&options.dictionary)->default_value(options.dictionary),
       "the gateway's FIX data dictionary")
      ("script", po::value(&options.script), "script file (default: commands from stdin)")
      ("log-file", po::value(&options.logFile),
       "write every FIX message in and out (and session events) to this file")
      ("quiet", po::bool_switch(&options.quiet), "print only what expect and print say");
  return description;
}

}  // namespace

OptionsStatus parseClientOptions(int argc, const char* const argv[], ClientOptions& options,
                                 std::ostream& help, std::string& error) {
  const po::options_description description = describeOptions(options);
  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv).options(description).run(), values);
    if (values.count("help") != 0) {
      help << description << "\n";
      return OptionsStatus::kHelp;
    }
    po::notify(values);
  } catch (const po::error& e) {
    error = e.what();
    return OptionsStatus::kError;
  }
  if (options.port <= 0 || options.port > kMaxPort) {
    error = "--port must be from 1 to 65535";
    return OptionsStatus::kError;
  }
  if (options.host.empty() || options.senderCompId.empty() || options.targetCompId.empty()) {
    error = "--host, --sender-comp-id and --target-comp-id must not be empty";
    return OptionsStatus::kError;
  }
  return OptionsStatus::kRun;
}

}  // namespace fix_client
