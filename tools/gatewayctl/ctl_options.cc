#include "tools/gatewayctl/ctl_options.h"

#include <cstdlib>

#include <boost/program_options.hpp>

#include "gateway/admin/admin_server_options.h"

namespace gatewayctl {
namespace {

namespace po = boost::program_options;

constexpr int kMaxPort = 65535;
constexpr const char* kDefaultUser = "admin";

bool hasControlCharacter(const std::string& text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

po::options_description describeOptions(CtlOptions& options) {
  po::options_description description(
      "gatewayctl: the risk gateway's admin command line\n"
      "Usage: gatewayctl [options] <command>\n\n"
      "Commands:\n"
      "  accounts                                     every account and its state\n"
      "  status <account>                             an account's margin, positions and call\n"
      "  deposit <account> <amount> [--reference R]   confirm a deposit (amount as decimal text)\n"
      "  withdraw <account> <amount> [--reference R]  withdraw cash (amount as decimal text)\n"
      "  halt <account> [--reason R]                  stop the account from adding risk\n"
      "  resume <account>                             lift a halt\n"
      "  reload                                       read the risk configuration again\n\n"
      "Exit codes: 0 done, 1 refused by the gateway, 2 bad usage, 3 cannot connect,\n"
      "4 the gateway failed or gave no usable answer.\n\nOptions");
  description.add_options()
      ("help,h", "show this help")
      ("host", po::value(&options.host)->default_value(options.host), "the gateway's admin address")
      ("port", po::value(&options.port)->default_value(gateway::admin::kDefaultAdminPort), "the gateway's admin port")
      ("user", po::value(&options.user), "who asks, sent as X-Admin-User (default: $USER, else admin)")
      ("token", po::value(&options.token),
       "shared token, sent as 'Authorization: Bearer <token>' (default: $GATEWAYCTL_TOKEN)")
      ("timeout", po::value(&options.timeoutSeconds)->default_value(options.timeoutSeconds),
       "seconds to wait for the answer")
      ("json", po::bool_switch(&options.json), "print the answer's JSON as it came")
      ("reference", po::value(&options.reference), "deposit, withdraw: the payment reference")
      ("reason", po::value(&options.reason), "halt: why");
  return description;
}

}  // namespace

OptionsStatus parseCtlOptions(int argc, const char* const argv[], CtlOptions& options, std::ostream& help,
                              std::string& error) {
  const po::options_description visible = describeOptions(options);
  po::options_description all;
  all.add(visible).add_options()
      ("command", po::value(&options.command))
      ("arguments", po::value(&options.arguments));
  po::positional_options_description positional;
  positional.add("command", 1).add("arguments", -1);
  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), values);
    if (values.count("help") != 0) {
      help << visible << "\n";
      return OptionsStatus::kHelp;
    }
    po::notify(values);
  } catch (const po::error& e) {
    error = e.what();
    return OptionsStatus::kError;
  }
  options.hasReference = values.count("reference") != 0;
  options.hasReason = values.count("reason") != 0;
  if (values.count("user") == 0) options.user = environment("USER");
  if (options.user.empty()) options.user = kDefaultUser;
  if (values.count("token") == 0) options.token = environment("GATEWAYCTL_TOKEN");
  if (options.port <= 0 || options.port > kMaxPort) {
    error = "--port must be from 1 to 65535";
    return OptionsStatus::kError;
  }
  if (options.host.empty()) {
    error = "--host must not be empty";
    return OptionsStatus::kError;
  }
  if (hasControlCharacter(options.user) || hasControlCharacter(options.token)) {
    error = "--user and --token must not hold control characters";
    return OptionsStatus::kError;
  }
  if (options.timeoutSeconds <= 0) {
    error = "--timeout must be a positive number of seconds";
    return OptionsStatus::kError;
  }
  if (options.command.empty()) {
    error = "no command given (accounts, status, deposit, withdraw, halt, resume, reload)";
    return OptionsStatus::kError;
  }
  return OptionsStatus::kRun;
}

}  // namespace gatewayctl
