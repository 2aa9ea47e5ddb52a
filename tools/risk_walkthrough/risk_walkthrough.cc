// risk-walkthrough: drives the risk core through a scripted trading day on a configuration file and
// prints what it decides, one line per event. It plays the clients, the venue and the broker; the
// numbers printed are the engine's own.

#include <boost/program_options.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "gateway/config/risk_config_loader.h"
#include "risk/event_text.h"
#include "risk/risk_engine.h"

namespace {

using namespace risk;

class Walkthrough {
 public:
  explicit Walkthrough(const RiskConfig& config) : engine_(config) {}

  void run() {
    section("Opening quotes");
    quote("ESZ6", "4999.75", "5000.25");

    section("ACC-ALPHA asks for more than its collateral carries, then for less");
    order("A-1", "ACC-ALPHA", "ESZ6", Side::kBuy, "60", "5000");
    order("A-2", "ACC-ALPHA", "ESZ6", Side::kBuy, "30", "5000");
    venueFill("A-2", "30", "5000");
    status("ACC-ALPHA");

    section("ACC-BETA (house multiplier 1.5) buys with little room to spare");
    quote("ESZ6", "4999.75", "5000.25");
    order("B-1", "ACC-BETA", "ESZ6", Side::kBuy, "6", "5000");
    venueFill("B-1", "6", "5000");
    status("ACC-BETA");

    section("The market walks down");
    quote("ESZ6", "4899.75", "4900.25");
    quote("ESZ6", "4799.75", "4800.25");
    quote("ESZ6", "4699.75", "4700.25");
    quote("ESZ6", "4630.50", "4631.00");
    quote("ESZ6", "4599.75", "4600.25");

    section("ACC-ALPHA is in a margin call: more risk is refused, less is welcome");
    order("A-3", "ACC-ALPHA", "ESZ6", Side::kBuy, "1", "4600");
    order("A-4", "ACC-ALPHA", "ESZ6", Side::kSell, "5", "4600");
    venueFill("A-4", "5", "4600");
    const AccountReport alpha = *engine_.report("ACC-ALPHA");
    section("The broker confirms ACC-ALPHA's deposit of the amount to cure: " +
            alpha.snapshot.amountToCure.toDisplay(2, Rounding::kCeiling) + " " + alpha.currency);
    apply(Deposit{tick(), "ACC-ALPHA", alpha.snapshot.amountToCure, "WIRE-0001"});
    status("ACC-ALPHA");

    section("The fall goes on: ACC-BETA is called, then breaks through its liquidation floor");
    quote("ESZ6", "4499.75", "4500.25");
    quote("ESZ6", "4419.75", "4420.25");

    section("The venue fills the liquidation orders at the mark");
    fillLiquidationOrders("4420");
    status("ACC-BETA");
    status("ACC-ALPHA");
  }

 private:
  Timestamp tick() {
    now_ = now_ + Duration::fromSeconds(1);
    return now_;
  }

  void section(const std::string& title) { std::cout << "\n== " << title << " ==\n"; }

  void apply(const Input& input) {
    events_.clear();
    engine_.apply(input, events_);
    for (const Event& event : events_) {
      std::cout << "  " << formatTimestamp(now_).substr(11, 8) << "  " << describe(event) << '\n';
      if (const auto* plan = std::get_if<LiquidationPlan>(&event)) {
        for (const LiquidationOrder& order : plan->orders) pendingLiquidation_.push_back(order);
      }
    }
  }

  void quote(const char* symbol, const char* bid, const char* ask) {
    std::cout << "  market " << symbol << " bid " << bid << " ask " << ask << '\n';
    apply(MarketData{tick(), symbol, Price::parse(bid).value, Price::parse(ask).value, std::nullopt});
  }

  void order(const char* id, const char* account, const char* symbol, Side side, const char* quantity,
             const char* price) {
    entitled_ = {account};
    std::cout << "  " << account << " sends " << id << ": " << toString(side) << ' ' << quantity << ' ' << symbol
              << " @ " << price << '\n';
    NewOrder input;
    input.time = tick();
    input.clOrdId = id;
    input.account = account;
    input.symbol = symbol;
    input.side = side;
    input.quantity = *Quantity::parse(quantity).value;
    input.limitPrice = *Price::parse(price).value;
    input.entitledAccounts = entitled_;
    apply(input);
  }

  // The venue acknowledges and fills an order the risk core let through.
  void venueFill(const std::string& id, const char* quantity, const char* price) {
    if (engine_.state().orders.find(id) == engine_.state().orders.end()) return;
    std::cout << "  venue fills " << id << ": " << quantity << " @ " << price << '\n';
    apply(VenueAck{tick(), id});
    apply(Fill{tick(), id, "X-" + id, *Quantity::parse(quantity).value, *Price::parse(price).value, Money::zero()});
  }

  void fillLiquidationOrders(const char* price) {
    std::vector<LiquidationOrder> orders;
    orders.swap(pendingLiquidation_);
    for (const LiquidationOrder& order : orders) {
      std::cout << "  venue fills " << order.clOrdId.view() << ": " << order.quantity.toString() << " @ " << price
                << '\n';
      apply(VenueAck{tick(), order.clOrdId.view()});
      apply(Fill{tick(), order.clOrdId.view(), "X-LIQ", order.quantity, *Price::parse(price).value, Money::zero()});
    }
  }

  void status(const char* account) {
    const AccountReport report = *engine_.report(account);
    std::cout << "  status " << account << ": " << toString(report.state) << "  " << describe(report.snapshot) << '\n';
    for (const PositionReport& position : report.positions) {
      std::cout << "    " << position.symbol << " qty=" << position.quantity.toString()
                << " avg=" << position.averagePrice.toString()
                << " mark=" << (position.mark ? position.mark->toString() : "none")
                << " unrealized=" << position.unrealized.toString() << '\n';
    }
  }

  RiskEngine engine_;
  Events events_;
  Timestamp now_{1'795'460'400'000'000'000};  // 2026-11-23T19:00:00Z
  std::vector<std::string> entitled_;
  std::vector<LiquidationOrder> pendingLiquidation_;
};

}  // namespace

int main(int argc, char** argv) {
  namespace po = boost::program_options;
  po::options_description options("risk-walkthrough: a scripted day through the risk core\nOptions");
  std::string configPath = "fix-config/risk.toml";
  options.add_options()("help,h", "show this help")(
      "config,c", po::value<std::string>(&configPath)->default_value(configPath), "risk configuration (TOML)");
  po::variables_map arguments;
  try {
    po::store(po::parse_command_line(argc, argv, options), arguments);
    po::notify(arguments);
  } catch (const po::error& error) {
    std::cerr << "risk-walkthrough: " << error.what() << "\n" << options;
    return 2;
  }
  if (arguments.count("help")) {
    std::cout << options;
    return 0;
  }

  const auto load = gateway::config::loadRiskConfigFile(configPath);
  if (!load.config) {
    for (const auto& error : load.errors) std::cerr << error.toString() << '\n';
    return 1;
  }
  // The script trades ESZ6 and AAPL for ACC-ALPHA and ACC-BETA.
  for (const char* symbol : {"ESZ6", "AAPL"}) {
    bool found = false;
    for (const Instrument& instrument : load.config->instruments) found = found || instrument.symbol == symbol;
    if (!found) {
      std::cerr << configPath << ": the walkthrough needs instrument " << symbol << '\n';
      return 1;
    }
  }
  std::cout << "Risk core walkthrough on " << configPath << "\n";
  Walkthrough(*load.config).run();
  return 0;
}
