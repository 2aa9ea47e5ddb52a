// risk-gateway: the FIX broker risk gateway process. Clients connect over FIX 4.4; the gateway holds
// a FIX session to the venue (and optionally one to a market-data feed), checks every order against
// the risk core and keeps every account's margin state current.

#include <boost/program_options.hpp>

#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "gateway/app/gateway_app.h"
#include "gateway/bridge/stop_signals.h"
#include "store/background_thread.h"

namespace {

struct Options {
  std::string fixSettings = "fix-config/gateway.cfg";
  std::string riskConfig = "fix-config/risk.toml";
  std::string dictionary;
  std::string logDir = "logs";
  std::string dataDir = "data";
  bool fsync = false;
  std::string sessionStore = "sqlite";
  std::string storeCommit = "behind";
  std::string turns = "short";
  int clientPort = 0;
  int venuePort = 0;
  int marketDataPort = 0;
  int timerMillis = 200;
  long long maxWaitingInputs = 10'000;
  int adminPort = 9180;
  std::string adminToken;
};

// Returns 0 to run, or the exit code.
int parse(int argc, char** argv, Options& options) {
  namespace po = boost::program_options;
  po::options_description described(
      "risk-gateway: FIX 4.4 broker risk gateway\n\n"
      "Settings live in fix-config/ (see fix-config/README.md, the Rules of Engagement):\n"
      "  the QuickFIX session settings (client sessions with Password and Accounts, the venue\n"
      "  session, an optional market-data session), the gateway's FIX data dictionary, and the\n"
      "  risk configuration (instruments, margin tiers, accounts, thresholds).\n\nOptions");
  described.add_options()("help,h", "show this help")(
      "fix-settings", po::value(&options.fixSettings)->default_value(options.fixSettings),
      "QuickFIX session settings file")("risk-config", po::value(&options.riskConfig)->default_value(options.riskConfig),
                                        "risk configuration (TOML)")(
      "dictionary", po::value(&options.dictionary), "FIX data dictionary, overriding DataDictionary in the settings")(
      "log-dir", po::value(&options.logDir)->default_value(options.logDir),
      "folder for gateway.log (business events) and fix-messages.log (every FIX message)")(
      "data-dir", po::value(&options.dataDir)->default_value(options.dataDir),
      "folder for gateway.db (journal, audit trail, margin-call log) and sessions.db (FIX sequence numbers); "
      "a restart on the same folder recovers every position, order, call and session")(
      "fsync", po::bool_switch(&options.fsync),
      "fsync every commit (durable against a power loss, not only a process crash); see store/README.md")(
      "store-commit", po::value(&options.storeCommit)->default_value(options.storeCommit),
      "behind: each batch is recorded in data-dir/gateway.db-batches (memory-mapped) before anything it decided is "
      "sent, and written to gateway.db by the store's own thread; direct: the risk thread commits to gateway.db "
      "before it sends (only to measure what that costs; --fsync implies it)")(
      "session-store", po::value(&options.sessionStore)->default_value(options.sessionStore),
      "sqlite: FIX sequence numbers and sent messages survive a restart (data-dir/sessions.db); memory: they "
      "start at 1 with every process (only to measure what the persistent store costs)")(
      "client-port", po::value(&options.clientPort), "port for client sessions, overriding SocketAcceptPort")(
      "venue-port", po::value(&options.venuePort), "venue port, overriding the venue session's SocketConnectPort")(
      "market-data-port", po::value(&options.marketDataPort),
      "feed port, overriding the market-data session's SocketConnectPort")(
      "turns", po::value(&options.turns)->default_value(options.turns),
      "short: every thread on the order's path asks the kernel for 100 us turns (Linux 6.12+), so a woken one "
      "is let in at once (margin calls and orders wait less behind a busy thread); default: the kernel's turns "
      "(fewer switches between the gateway's own threads on a shared core); see gateway/README.md")(
      "timer-ms", po::value(&options.timerMillis)->default_value(options.timerMillis),
      "how often call deadlines are checked, in milliseconds")(
      "max-waiting-inputs", po::value(&options.maxWaitingInputs)->default_value(options.maxWaitingInputs),
      "admission control: while this many inputs (orders, reports, market data) wait for the risk thread, a new "
      "order is refused at once with GATEWAY_BUSY instead of waiting; cancels and everything else are always "
      "taken; 0: never refuse")(
      "admin-port", po::value(&options.adminPort)->default_value(options.adminPort),
      "port of the admin HTTP interface (127.0.0.1 only; 0 picks a free one); see gateway/admin/README.md")(
      "admin-token", po::value(&options.adminToken),
      "require \"Authorization: Bearer <token>\" on every admin request (gatewayctl --token)");
  po::variables_map arguments;
  try {
    po::store(po::parse_command_line(argc, argv, described), arguments);
    po::notify(arguments);
  } catch (const po::error& error) {
    std::cerr << "risk-gateway: " << error.what() << "\n\n" << described;
    return 2;
  }
  if (arguments.count("help")) {
    std::cout << described;
    return 1;
  }
  if (options.timerMillis <= 0) {
    std::cerr << "risk-gateway: --timer-ms must be positive\n";
    return 2;
  }
  if (options.maxWaitingInputs < 0) {
    std::cerr << "risk-gateway: --max-waiting-inputs must be 0 or more\n";
    return 2;
  }
  if (options.sessionStore != "sqlite" && options.sessionStore != "memory") {
    std::cerr << "risk-gateway: --session-store must be sqlite or memory, not \"" << options.sessionStore << "\"\n";
    return 2;
  }
  if (options.turns != "short" && options.turns != "default") {
    std::cerr << "risk-gateway: --turns must be short or default, not \"" << options.turns << "\"\n";
    return 2;
  }
  if (options.storeCommit != "behind" && options.storeCommit != "direct") {
    std::cerr << "risk-gateway: --store-commit must be behind or direct, not \"" << options.storeCommit << "\"\n";
    return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const int code = parse(argc, argv, options)) return code == 1 ? 0 : code;
  // Before any thread exists, so that all inherit them (store/background_thread.h).
  if (options.turns == "short") store::askForShortTurns();

  gateway::app::GatewayAppOptions appOptions;
  appOptions.fix.settingsPath = options.fixSettings;
  appOptions.fix.clientPort = options.clientPort;
  appOptions.fix.venuePort = options.venuePort;
  appOptions.fix.marketDataPort = options.marketDataPort;
  appOptions.fix.dictionaryPath = options.dictionary;
  appOptions.riskConfigPath = options.riskConfig;
  appOptions.logDir = options.logDir;
  appOptions.dataDir = options.dataDir;
  appOptions.fsyncEveryCommit = options.fsync;
  appOptions.storeWriteBehind = options.storeCommit == "behind";
  appOptions.persistentSessions = options.sessionStore == "sqlite";
  appOptions.timerMillis = options.timerMillis;
  appOptions.maxWaitingInputs = static_cast<std::size_t>(options.maxWaitingInputs);
  appOptions.adminPort = options.adminPort;
  appOptions.adminToken = options.adminToken;
  std::string error;
  std::unique_ptr<gateway::app::GatewayApp> gateway = gateway::app::GatewayApp::create(appOptions, error);
  if (!gateway) {
    std::istringstream lines(error);
    for (std::string line; std::getline(lines, line);) std::cerr << "risk-gateway: " << line << '\n';
    return 2;
  }

  // Block the stop signals before any thread starts, so that only sigwait below receives them.
  gateway::bridge::blockStopSignals();

  try {
    gateway->start();
  } catch (const std::exception& failure) {
    std::cerr << "risk-gateway: " << failure.what() << '\n';
    gateway->stop();
    return 2;
  }
  std::cout << "risk-gateway running: " << gateway->clientSessionCount() << " client session(s), "
            << gateway->accountCount() << " account(s), " << gateway->instrumentCount()
            << " instrument(s); admin on 127.0.0.1:" << gateway->adminPort() << "; logs in " << options.logDir
            << "; data in " << options.dataDir << std::endl;
  gateway::bridge::waitForStopSignal();
  gateway->stop();
  std::cout << "risk-gateway stopped" << std::endl;
  return 0;
}
