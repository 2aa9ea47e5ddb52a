#include "tools/venue_sim/venue_options.h"

#include <stdexcept>
#include <vector>

#include <boost/program_options.hpp>

#include "gateway/bridge/fix_decimal.h"

namespace venue_sim {
namespace {

namespace po = boost::program_options;

po::options_description describeOptions() {
  po::options_description options("venue-sim: a FIX 4.4 trading venue for the demo and the tests.\nOptions");
  // clang-format off
  options.add_options()
    ("help,h", "show this help and exit")
    ("port", po::value<int>(), "TCP port of the order session acceptor (required)")
    ("sender-comp-id", po::value<std::string>()->default_value("VENUE"), "the venue's CompID")
    ("client-comp-id", po::value<std::vector<std::string>>()->composing(),
     "a client CompID; repeat for several order sessions (default GATEWAY)")
    ("dictionary", po::value<std::string>(),
     "FIX data dictionary to validate with (UseDataDictionary=Y), e.g. fix-config/FIX44-gateway.xml; "
     "without it nothing is validated")
    ("md-port", po::value<int>(), "serve market data on a separate acceptor on this port")
    ("md-client-comp-id", po::value<std::string>(), "the market data session's client CompID (with --md-port)")
    ("log-file", po::value<std::string>(), "one log file for every session's messages and events (default: none)")
    ("no-ack", "orders that fill on arrival get no New (ExecType=0) report first")
    ("max-fill-qty", po::value<std::string>(), "fill at most this quantity per order per matching step")
    ("commission-per-unit", po::value<std::string>(),
     "put Commission (12) = this rate and CommType (13) = 1 (per unit) on every fill")
    ("reject-ord-type", po::value<std::string>(), "refuse orders of this OrdType (1 market, 2 limit)")
    ("reject-style", po::value<std::string>()->default_value("session"),
     "how --reject-ord-type refuses: session (35=3, 373=5, 371=40) or business (35=j, 380=3, 379=ClOrdID)")
    ("quote-size", po::value<std::string>()->default_value("100"), "MDEntrySize of every market data entry")
    ("random-walk", po::value<std::vector<std::string>>()->composing(),
     "SYMBOL:START[:TICK] (tick default 0.01); repeat for several symbols")
    ("seed", po::value<std::uint64_t>()->default_value(1), "random walk seed")
    ("step-ms", po::value<int>()->default_value(1000), "milliseconds between random walk steps")
    ("scenario", po::value<std::string>(), "CSV price scenario offset_ms,symbol,bid,ask,last (see README)");
  // clang-format on
  return options;
}

std::int64_t decimalOption(const po::variables_map& values, const char* name) {
  const std::string text = values[name].as<std::string>();
  std::int64_t raw = 0;
  if (!gateway::bridge::parseFixDecimal(text, raw)) {
    throw std::invalid_argument(std::string("--") + name + " '" + text + "' is not a decimal with at most 8 places");
  }
  return raw;
}

}  // namespace

void printHelp(std::ostream& out) { out << describeOptions() << '\n'; }

CommandLine parseCommandLine(int argc, const char* const argv[]) {
  po::variables_map values;
  try {
    po::store(po::parse_command_line(argc, argv, describeOptions()), values);
    po::notify(values);
  } catch (const po::error& error) {
    throw std::invalid_argument(error.what());
  }
  CommandLine line;
  if (values.count("help")) {
    line.showHelp = true;
    return line;
  }
  VenueConfig& config = line.config;
  if (!values.count("port")) throw std::invalid_argument("--port is required");
  config.port = values["port"].as<int>();
  config.senderCompId = values["sender-comp-id"].as<std::string>();
  if (values.count("client-comp-id")) config.clientCompIds = values["client-comp-id"].as<std::vector<std::string>>();
  if (values.count("dictionary")) config.dictionaryPath = values["dictionary"].as<std::string>();
  if (values.count("md-port")) config.marketDataPort = values["md-port"].as<int>();
  if (values.count("md-client-comp-id")) config.marketDataClientCompId = values["md-client-comp-id"].as<std::string>();
  if (values.count("log-file")) config.logFile = values["log-file"].as<std::string>();
  config.noAck = values.count("no-ack") != 0;
  if (values.count("max-fill-qty")) {
    config.maxFillQty = decimalOption(values, "max-fill-qty");
    if (config.maxFillQty <= 0) throw std::invalid_argument("--max-fill-qty must be positive");
  }
  if (values.count("commission-per-unit")) {
    config.hasCommission = true;
    config.commissionPerUnit = decimalOption(values, "commission-per-unit");
  }
  if (values.count("reject-ord-type")) {
    const std::string ordType = values["reject-ord-type"].as<std::string>();
    if (ordType.size() != 1) throw std::invalid_argument("--reject-ord-type takes one character (1 or 2)");
    config.rejectOrdType = ordType[0];
  }
  const std::string style = values["reject-style"].as<std::string>();
  if (style == "session") {
    config.rejectStyle = RejectStyle::kSession;
  } else if (style == "business") {
    config.rejectStyle = RejectStyle::kBusiness;
  } else {
    throw std::invalid_argument("--reject-style must be session or business");
  }
  config.quoteSize = decimalOption(values, "quote-size");
  if (values.count("random-walk")) {
    for (const std::string& walk : values["random-walk"].as<std::vector<std::string>>()) {
      config.randomWalks.push_back(parseRandomWalkSpec(walk));
    }
  }
  config.seed = values["seed"].as<std::uint64_t>();
  line.stepMs = values["step-ms"].as<int>();
  if (line.stepMs <= 0) throw std::invalid_argument("--step-ms must be positive");
  if (values.count("scenario")) {
    line.scenarioPath = values["scenario"].as<std::string>();
    try {
      config.scenario = loadScenarioFile(line.scenarioPath);
    } catch (const ScenarioError& error) {
      throw std::invalid_argument(error.what());
    }
  }
  const std::string problem = validateConfig(config);
  if (!problem.empty()) throw std::invalid_argument(problem);
  return line;
}

}  // namespace venue_sim
