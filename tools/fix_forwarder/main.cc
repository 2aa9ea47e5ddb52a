// fix-forwarder: a FIX 4.4 process with no risk logic, configured like risk-gateway, that passes
// client orders to the venue and the venue's reports back. Only for comparison (tools/bench).

#include <boost/program_options.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "gateway/bridge/stop_signals.h"
#include "store/background_thread.h"
#include "tools/fix_forwarder/forwarder.h"

namespace {

struct Options {
  std::string fixSettings = "fix-config/gateway.cfg";
  std::string dictionary;
  std::string logDir = "logs";
  std::string dataDir;
  bool noMessageLog = false;
  bool handOver = false;
  std::string turns = "short";
  int clientPort = 0;
  int venuePort = 0;
};

// Returns -1 to run, else the exit code.
int parse(int argc, char** argv, Options& options) {
  namespace po = boost::program_options;
  po::options_description described(
      "fix-forwarder: a plain FIX 4.4 forwarder (no risk logic) to measure the gateway against.\n"
      "It reads the gateway's settings file (client sessions with Password, the venue session),\n"
      "checks client logons' passwords and forwards NewOrderSingle, OrderCancelRequest and\n"
      "OrderCancelReplaceRequest to the venue (ClOrdID/OrigClOrdID as \"<session index>:<id>\"),\n"
      "ExecutionReport and OrderCancelReject back with the client's ids.\n\nOptions");
  described.add_options()("help,h", "show this help")(
      "fix-settings", po::value(&options.fixSettings)->default_value(options.fixSettings),
      "QuickFIX session settings file (the gateway's format)")(
      "dictionary", po::value(&options.dictionary), "FIX data dictionary, overriding DataDictionary")(
      "client-port", po::value(&options.clientPort), "port for client sessions, overriding SocketAcceptPort")(
      "venue-port", po::value(&options.venuePort), "venue port, overriding the venue session's SocketConnectPort")(
      "log-dir", po::value(&options.logDir)->default_value(options.logDir),
      "folder for fix-messages.log (every FIX message, like the gateway's)")(
      "no-message-log", po::bool_switch(&options.noMessageLog), "log no FIX message")(
      "data-dir", po::value(&options.dataDir),
      "keep every session's store in DIR/sessions.db (SQLite, like risk-gateway --data-dir); "
      "without it: memory stores")(
      "turns", po::value(&options.turns)->default_value(options.turns),
      "short or default: the scheduler turns of the order's path, as risk-gateway --turns")(
      "hand-over", po::bool_switch(&options.handOver),
      "send every message from one relay thread, handed over as the gateway hands each input to its "
      "risk thread, instead of from the QuickFIX thread that received it");
  po::variables_map arguments;
  try {
    po::store(po::parse_command_line(argc, argv, described), arguments);
    po::notify(arguments);
  } catch (const po::error& error) {
    std::cerr << "fix-forwarder: " << error.what() << "\n\n" << described;
    return 2;
  }
  if (arguments.count("help")) {
    std::cout << described;
    return 0;
  }
  if (options.turns != "short" && options.turns != "default") {
    std::cerr << "fix-forwarder: --turns must be short or default, not \"" << options.turns << "\"\n";
    return 2;
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  const int code = parse(argc, argv, options);
  if (code >= 0) return code;
  // As the gateway does, before any thread exists (store/background_thread.h).
  if (options.turns == "short") store::askForShortTurns();

  gateway::fix::FixEngineOptions fix;
  fix.settingsPath = options.fixSettings;
  fix.clientPort = options.clientPort;
  fix.venuePort = options.venuePort;
  fix.dictionaryPath = options.dictionary;
  if (!options.dataDir.empty()) fix.sessionStorePath = options.dataDir + "/sessions.db";
  if (!options.noMessageLog) fix.messageLogPath = options.logDir + "/fix-messages.log";
  std::string error;
  std::unique_ptr<fix_forwarder::Forwarder> forwarder = fix_forwarder::Forwarder::create(fix, options.handOver, error);
  if (!forwarder) {
    std::cerr << "fix-forwarder: " << error << '\n';
    return 2;
  }

  // Block the stop signals before QuickFIX starts its threads, so that only sigwait receives them.
  gateway::bridge::blockStopSignals();
  try {
    forwarder->start();
  } catch (const std::exception& failure) {
    std::cerr << "fix-forwarder: " << failure.what() << '\n';
    return 1;
  }
  // Ready means ready to forward: the venue session is logged on (tools/bench waits for this line).
  const bool venueUp = forwarder->waitVenueLoggedOn(std::chrono::seconds(30));
  std::cout << "fix-forwarder running: " << forwarder->clientSessionCount() << " client session(s); venue "
            << (venueUp ? "logged on" : "NOT logged on after 30 s (orders are dropped until it is)")
            << std::endl;
  gateway::bridge::waitForStopSignal();
  forwarder->stop();
  std::cout << "fix-forwarder stopped (" << forwarder->droppedOrders() << " order(s) dropped, "
            << forwarder->unroutedReports() << " report(s) not routed)" << std::endl;
  return 0;
}
