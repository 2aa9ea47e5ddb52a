#include "tools/md_storm/storm_options.h"

#include <boost/program_options.hpp>

#include <iostream>

namespace md_storm {

int parseOptions(int argc, char** argv, StormOptions& options) {
  namespace po = boost::program_options;
  StormSettings& storm = options.storm;
  po::options_description described(
      "md-storm: a market-data storm around a running risk-gateway, measuring the time from a breaching\n"
      "tick to the CollateralRequest (AX). It is the venue the gateway's venue session logs on to\n"
      "(VENUE <- GATEWAY) and a client logged on to the gateway (CLIENT1 -> BROKER). See\n"
      "tools/md_storm/README.md; tools/md_storm/run runs it with a gateway.\n\nOptions");
  described.add_options()("help,h", "show this help")(
      "venue-port", po::value(&options.venuePort), "port md-storm's venue listens on (the gateway's --venue-port)")(
      "client-port", po::value(&options.clientPort), "the gateway's client port")(
      "rate", po::value(&storm.rate)->default_value(storm.rate), "market-data updates offered per second")(
      "symbols", po::value(&options.symbols)->default_value(options.symbols),
      "symbols the storm quotes (STORM0, the position, and STORM1..)")(
      "breach-every-ms", po::value(&storm.breachEveryMs)->default_value(storm.breachEveryMs),
      "milliseconds between breaching ticks")(
      "breaches", po::value(&storm.breaches)->default_value(storm.breaches), "measured breaches")(
      "warmup", po::value(&storm.warmup)->default_value(storm.warmup), "breaches before them, not measured")(
      "timeout-ms", po::value(&storm.timeoutMs)->default_value(storm.timeoutMs),
      "a breach without an AX within this is a miss")(
      "settle-ms", po::value(&storm.settleMs)->default_value(storm.settleMs),
      "longest wait for the account to be back (a CollateralReport NORMAL or WARNING) after a restore")(
      "max-seconds", po::value(&storm.maxSeconds)->default_value(storm.maxSeconds),
      "stop the storm (reported incomplete) after this many seconds")(
      "order-rate", po::value(&options.orderRate)->default_value(options.orderRate),
      "orders per second sent during the storm by a second client (CLIENT2, account ACC-FLOW): limit IOC "
      "orders the venue cancels, each one's latency measured to its first ExecutionReport (0: no orders; with "
      "--write-config: also configure that session and account)")(
      "seed", po::value(&storm.seed)->default_value(storm.seed), "seed of the storm's price moves")(
      "json", po::value(&options.jsonPath), "also write the results as JSON to this file")(
      "connect-timeout-s", po::value(&options.connectTimeoutSeconds)->default_value(options.connectTimeoutSeconds),
      "seconds to wait for the gateway's sessions and the setup fill")(
      "write-config", po::value(&options.writeConfigDir),
      "write gateway.cfg and risk.toml for the gateway into this folder (with --venue-port, --client-port, "
      "--symbols, --dictionary) and exit")("dictionary", po::value(&options.dictionary),
                                           "the gateway's FIX data dictionary, fix-config/FIX44-gateway.xml (md-storm's sessions parse "
                                           "repeating groups with it; --write-config names it in gateway.cfg: absolute path)");
  po::variables_map arguments;
  try {
    po::store(po::parse_command_line(argc, argv, described), arguments);
    po::notify(arguments);
  } catch (const po::error& error) {
    std::cerr << "md-storm: " << error.what() << "\n\n" << described;
    return 2;
  }
  if (arguments.count("help")) {
    std::cout << described;
    return 1;
  }
  const char* problem = nullptr;
  if (options.venuePort <= 0 || options.venuePort > 65535 || options.clientPort <= 0 || options.clientPort > 65535) {
    problem = "--venue-port and --client-port are required (1..65535)";
  } else if (options.symbols < 1 || options.symbols > 10000) {
    problem = "--symbols must be between 1 and 10000";
  } else if (options.dictionary.empty()) {
    problem = "--dictionary is required (fix-config/FIX44-gateway.xml)";
  } else if (storm.rate < 1 || storm.rate > 10000000) {
    problem = "--rate must be between 1 and 10000000";
  } else if (storm.breachEveryMs < 1 || storm.breaches < 1 || storm.warmup < 0 || storm.timeoutMs < 1 ||
             storm.settleMs < 1 || storm.maxSeconds < 1 || options.connectTimeoutSeconds < 1) {
    problem = "--breach-every-ms, --breaches, --timeout-ms, --settle-ms, --max-seconds and --connect-timeout-s must be "
              "positive, "
              "--warmup at least 0";
  }
  if (problem == nullptr && (options.orderRate < 0 || options.orderRate > 1000000)) {
    problem = "--order-rate must be between 0 and 1000000";
  } else if (problem == nullptr && options.orderRate > 0 && options.symbols < 2) {
    problem = "--order-rate needs --symbols 2 or more (the orders go to the symbols other than the position's)";
  }
  if (problem != nullptr) {
    std::cerr << "md-storm: " << problem << '\n';
    return 2;
  }
  return 0;
}

}  // namespace md_storm
