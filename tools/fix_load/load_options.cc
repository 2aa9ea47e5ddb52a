#include "tools/fix_load/load_options.h"

#include <sstream>

#include <boost/program_options.hpp>

#include "tools/fix_load/name_format.h"

namespace fix_load {
namespace po = boost::program_options;

const char* orderModeName(OrderMode mode) {
  switch (mode) {
    case OrderMode::kIoc:
      return "ioc";
    case OrderMode::kResting:
      return "resting";
    case OrderMode::kCrossAlternate:
      return "cross-alternate";
  }
  return "?";
}

namespace {

constexpr int kMaxSessions = 1000;

po::options_description describeOptions(LoadConfig& c, std::string& mode, std::string& side,
                                        std::string& rates) {
  po::options_description sessions("Sessions (FIX 4.4 initiator, one SocketInitiator thread)");
  sessions.add_options()
      ("help", "this list")
      ("host", po::value(&c.host)->default_value(c.host), "target host")
      ("port", po::value(&c.port), "target port (required)")
      ("sessions", po::value(&c.sessions)->default_value(c.sessions), "client sessions, n = 1..N")
      ("sender-comp-id-format", po::value(&c.senderCompIdFormat)->default_value(c.senderCompIdFormat),
       "each session's SenderCompID; {n} is the session number")
      ("target-comp-id", po::value(&c.targetCompId)->default_value(c.targetCompId), "TargetCompID of every session")
      ("password-format", po::value(&c.passwordFormat),
       "Password (554) sent on Logon; {n} is the session number (none when absent)")
      ("dictionary", po::value(&c.dictionary), "FIX data dictionary (none: UseDataDictionary=N)")
      ("reset-on-logon", po::value(&c.resetOnLogon)->default_value(true, "yes"),
       "ResetSeqNumFlag=Y on Logon (yes|no)")
      ("logon-timeout", po::value(&c.logonTimeoutSeconds)->default_value(c.logonTimeoutSeconds),
       "seconds to wait for every session to log on");

  po::options_description orders("Orders (NewOrderSingle, limit)");
  orders.add_options()
      ("account-format", po::value(&c.accountFormat)->default_value(c.accountFormat),
       "Account (1) of each session's orders; {n} is the session number; '' for none")
      ("symbol", po::value(&c.symbols)->composing(), "a symbol (repeatable; orders rotate through them)")
      ("order-mode", po::value(&mode)->default_value("ioc"),
       "ioc: IOC at --price (New then Canceled when it does not cross); resting: Day at --price; "
       "cross-alternate: IOC buy at --cross-buy-price, then sell at --cross-sell-price")
      ("side", po::value(&side)->default_value("buy"), "buy or sell (ioc and resting)")
      ("price", po::value(&c.price)->default_value(c.price), "limit price (ioc and resting)")
      ("qty", po::value(&c.quantity)->default_value(c.quantity), "OrderQty")
      ("cross-buy-price", po::value(&c.crossBuyPrice), "cross-alternate: the buy's limit (at or above the ask)")
      ("cross-sell-price", po::value(&c.crossSellPrice), "cross-alternate: the sell's limit (at or below the bid)");

  po::options_description load("Load (open loop)");
  load.add_options()
      ("rate", po::value(&c.rate)->default_value(c.rate), "offered orders a second, all sessions together")
      ("count", po::value(&c.count)->default_value(c.count), "measured orders per step")
      ("warmup", po::value(&c.warmup)->default_value(c.warmup), "orders sent before the measured ones")
      ("drain-timeout", po::value(&c.drainTimeoutSeconds)->default_value(c.drainTimeoutSeconds),
       "seconds after the last send before an unanswered order counts as lost");

  po::options_description search("Highest sustainable rate");
  search.add_options()
      ("find-max", po::bool_switch(&c.findMax), "run steps of increasing rate, report the highest sustained")
      ("rates", po::value(&rates), "the steps' rates, e.g. 1000,2000,5k,10k (default: double from "
                                    "--start-rate, then bisect)")
      ("start-rate", po::value(&c.startRate)->default_value(c.startRate), "first rate of the search")
      ("max-rate", po::value(&c.maxRate)->default_value(c.maxRate), "the search goes no higher")
      ("resolution", po::value(&c.resolution)->default_value(c.resolution),
       "bisection stops when the failing rate is within this fraction of the passing one")
      ("p99-limit-us", po::value(&c.p99LimitUs)->default_value(c.p99LimitUs), "a step passes with p99 below this")
      ("min-achieved-ratio", po::value(&c.minAchievedRatio)->default_value(c.minAchievedRatio),
       "a step passes when achieved send and response rates reach this x offered");

  po::options_description output("Output");
  output.add_options()("json", po::value(&c.jsonPath), "write the results as JSON to this file");

  po::options_description all;
  all.add(sessions).add(orders).add(load).add(search).add(output);
  return all;
}

std::string check(LoadConfig& c, const std::string& mode, const std::string& side, const std::string& rates,
                  const po::variables_map& vm) {
  if (!vm.count("port")) return "--port is required";
  if (c.port < 1 || c.port > 65535) return "--port must be between 1 and 65535";
  if (c.sessions < 1 || c.sessions > kMaxSessions) return "--sessions must be between 1 and 1000";
  if (c.senderCompIdFormat.find("{n}") == std::string::npos && c.sessions > 1) {
    return "--sender-comp-id-format needs {n} with more than one session";
  }
  if (c.targetCompId.empty()) return "--target-comp-id must not be empty";
  if (c.symbols.empty()) return "at least one --symbol is required";
  for (const std::string& symbol : c.symbols) {
    if (symbol.empty()) return "--symbol must not be empty";
  }
  if (mode == "ioc") {
    c.mode = OrderMode::kIoc;
  } else if (mode == "resting") {
    c.mode = OrderMode::kResting;
  } else if (mode == "cross-alternate") {
    c.mode = OrderMode::kCrossAlternate;
  } else {
    return "--order-mode must be ioc, resting or cross-alternate, not '" + mode + "'";
  }
  if (side == "buy") {
    c.side = '1';
  } else if (side == "sell") {
    c.side = '2';
  } else {
    return "--side must be buy or sell, not '" + side + "'";
  }
  if (!isPositiveDecimal(c.price)) return "--price must be a positive decimal, not '" + c.price + "'";
  if (!isPositiveDecimal(c.quantity)) return "--qty must be a positive decimal, not '" + c.quantity + "'";
  if (c.mode == OrderMode::kCrossAlternate &&
      (!isPositiveDecimal(c.crossBuyPrice) || !isPositiveDecimal(c.crossSellPrice))) {
    return "--order-mode cross-alternate needs --cross-buy-price and --cross-sell-price (positive decimals)";
  }
  if (!(c.rate > 0)) return "--rate must be positive";
  if (c.count < 1) return "--count must be at least 1";
  if (c.warmup < 0) return "--warmup must not be negative";
  if (c.count + c.warmup > 100000000) return "--count plus --warmup must be at most 100000000";
  if (!(c.drainTimeoutSeconds > 0)) return "--drain-timeout must be positive";
  if (c.logonTimeoutSeconds < 1) return "--logon-timeout must be at least 1";
  if (!(c.p99LimitUs > 0)) return "--p99-limit-us must be positive";
  if (!(c.minAchievedRatio > 0) || c.minAchievedRatio > 1) return "--min-achieved-ratio must be in (0, 1]";
  if (!rates.empty()) {
    if (!c.findMax) return "--rates needs --find-max";
    std::string error;
    if (!parseRateList(rates, c.rates, error)) return error;
  }
  if (c.findMax) {
    if (vm.count("rate") && !vm["rate"].defaulted()) return "--rate and --find-max do not go together";
    if (!(c.startRate > 0) || !(c.maxRate >= c.startRate)) {
      return "--start-rate must be positive and at most --max-rate";
    }
    if (!(c.resolution > 0) || c.resolution >= 1) return "--resolution must be in (0, 1)";
  }
  return std::string();
}

}  // namespace

ParsedOptions parseOptions(const std::vector<std::string>& args) {
  ParsedOptions parsed;
  std::string mode;
  std::string side;
  std::string rates;
  const po::options_description description = describeOptions(parsed.config, mode, side, rates);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(description).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    parsed.message = e.what();
    return parsed;
  }
  if (vm.count("help")) {
    std::ostringstream help;
    help << "fix-load: an open-loop FIX 4.4 load generator (NewOrderSingle to first ExecutionReport)\n"
         << "usage: fix-load --port P --symbol SYM [options]\n"
         << description;
    parsed.outcome = ParsedOptions::Outcome::kHelp;
    parsed.message = help.str();
    return parsed;
  }
  parsed.message = check(parsed.config, mode, side, rates, vm);
  parsed.outcome = parsed.message.empty() ? ParsedOptions::Outcome::kRun : ParsedOptions::Outcome::kError;
  return parsed;
}

}  // namespace fix_load
