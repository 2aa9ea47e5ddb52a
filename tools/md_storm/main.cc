// md-storm: one process that plays the venue and a client around a running risk-gateway, storms
// it with market data and measures the time from a breaching tick to the CollateralRequest (AX);
// with --order-rate, a second client sends orders meanwhile and their latencies are measured too.
// See README.md.

#include <quickfix/NullStore.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/ThreadedSocketAcceptor.h>
#include <quickfix/ThreadedSocketInitiator.h>
#include <quickfix/Values.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tools/md_storm/breach_book.h"
#include "tools/md_storm/flow_book.h"
#include "tools/md_storm/flow_client.h"
#include "tools/md_storm/order_flow.h"
#include "tools/md_storm/storm_client.h"
#include "tools/md_storm/storm_config_files.h"
#include "tools/md_storm/storm_loop.h"
#include "tools/md_storm/storm_model.h"
#include "tools/md_storm/storm_options.h"
#include "tools/md_storm/storm_report.h"
#include "tools/md_storm/steady_nanos.h"
#include "tools/md_storm/storm_venue.h"
#include "tools/venue_sim/acceptor_settings.h"

namespace {

using md_storm::StormOptions;

constexpr int kExitSetupFailed = 3;
constexpr std::chrono::milliseconds kOrderAnswerTimeout{5000};
constexpr std::chrono::milliseconds kOrderRetryPause{100};
// After the storm, the longest wait for the flow orders still unanswered.
constexpr std::chrono::milliseconds kFlowDrainTimeout{5000};

bool writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::cerr << "md-storm: cannot write " << path << '\n';
  return static_cast<bool>(out);
}

FIX::SessionSettings clientSettings(int port, const std::string& dictionary, const char* compId) {
  // QuickFIX's initiator reads ReconnectInterval from [DEFAULT] only: everything goes there.
  FIX::Dictionary defaults;
  defaults.setString(FIX::CONNECTION_TYPE, "initiator");
  defaults.setString(FIX::SOCKET_CONNECT_HOST, "127.0.0.1");
  defaults.setInt(FIX::SOCKET_CONNECT_PORT, port);
  defaults.setInt(FIX::HEARTBTINT, 30);
  defaults.setInt(FIX::RECONNECT_INTERVAL, 1);
  defaults.setBool(FIX::SOCKET_NODELAY, true);
  defaults.setBool(FIX::USE_DATA_DICTIONARY, true);
  defaults.setString(FIX::DATA_DICTIONARY, dictionary);
  defaults.setString(FIX::START_TIME, "00:00:00");
  defaults.setString(FIX::END_TIME, "00:00:00");
  FIX::Dictionary session;
  session.setString(FIX::BEGINSTRING, "FIX.4.4");
  session.setString(FIX::SENDERCOMPID, compId);
  session.setString(FIX::TARGETCOMPID, md_storm::kGatewayCompId);
  FIX::SessionSettings settings;
  settings.set(defaults);
  settings.set(FIX::SessionID("FIX.4.4", compId, md_storm::kGatewayCompId), session);
  return settings;
}

// The client buys the position; retried while the gateway has no mark yet (the snapshot and the
// order travel on different sessions).
bool setUpPosition(md_storm::StormClient& client, const md_storm::StormModel& model, int timeoutSeconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
  for (int attempt = 1; std::chrono::steady_clock::now() < deadline; ++attempt) {
    const md_storm::OrderOutcome outcome = client.buy("SETUP-" + std::to_string(attempt), model.positionSymbol(),
                                                      model.quantity, model.entryPrice, kOrderAnswerTimeout);
    if (outcome.filled) return true;
    std::cerr << "md-storm: setup order " << attempt << " not filled"
              << (outcome.text.empty() ? std::string() : ": " + outcome.text) << '\n';
    std::this_thread::sleep_for(kOrderRetryPause);
  }
  return false;
}

int runStorm(const StormOptions& options, const md_storm::StormModel& model, const md_storm::StormPrices& prices) {
  const md_storm::StormSettings& settings = options.storm;
  md_storm::BreachBook book(static_cast<std::size_t>(settings.warmup + settings.breaches + 1));
  md_storm::StormVenue venue(model);
  md_storm::StormClient client(model.account, md_storm::kClientPassword, book);
  // No message store (nothing is ever resent) and no message log: the storm sends millions.
  // The threaded acceptor and initiator write each message to the socket at once, blocking while
  // the peer's buffers are full. (The select-based SocketConnection of QuickFIX 1.15.1 queues a
  // message it cannot write at once and then drains that queue by one message per send or per
  // wake-up: once behind, a sender at a steady rate never catches up and the queue grows without
  // bound, which would be md-storm's backlog, not the gateway's.)
  FIX::NullStoreFactory stores;
  const FIX::SessionSettings venueSettings = venue_sim::buildAcceptorSettings(
      options.venuePort, md_storm::kVenueCompId, std::vector<std::string>{md_storm::kGatewayVenueCompId}, options.dictionary);
  FIX::ThreadedSocketAcceptor acceptor(venue, stores, venueSettings);
  FIX::ThreadedSocketInitiator initiator(client, stores,
                                         clientSettings(options.clientPort, options.dictionary, md_storm::kClientCompId));
  // The order flow's own session and thread, only with --order-rate.
  const bool withFlow = options.orderRate > 0;
  md_storm::FlowBook flowBook;
  md_storm::FlowClient flowClient(model.flowAccount, md_storm::kFlowClientPassword, flowBook);
  std::unique_ptr<FIX::ThreadedSocketInitiator> flowInitiator;
  if (withFlow) {
    flowInitiator.reset(new FIX::ThreadedSocketInitiator(
        flowClient, stores, clientSettings(options.clientPort, options.dictionary, md_storm::kFlowClientCompId)));
  }
  acceptor.start();
  initiator.start();
  if (flowInitiator) flowInitiator->start();

  const std::chrono::seconds connectTimeout(options.connectTimeoutSeconds);
  int code = 0;
  if (!venue.waitForSubscriptions(connectTimeout)) {
    std::cerr << "md-storm: the gateway did not log on to the venue and subscribe to every symbol within "
              << options.connectTimeoutSeconds << " s\n";
    code = kExitSetupFailed;
  } else if (!client.waitForLogon(connectTimeout)) {
    std::cerr << "md-storm: the client could not log on to the gateway on port " << options.clientPort
              << (client.logoutText().empty() ? std::string() : ": " + client.logoutText()) << '\n';
    code = kExitSetupFailed;
  } else if (withFlow && !flowClient.waitForLogon(connectTimeout)) {
    std::cerr << "md-storm: the flow client could not log on to the gateway on port " << options.clientPort
              << (flowClient.logoutText().empty() ? std::string() : ": " + flowClient.logoutText()) << '\n';
    code = kExitSetupFailed;
  } else if (!setUpPosition(client, model, options.connectTimeoutSeconds)) {
    std::cerr << "md-storm: the setup order was not filled\n";
    code = kExitSetupFailed;
  }
  md_storm::StormResult result;
  md_storm::FlowResult flow;
  if (code == 0) {
    md_storm::OrderFlow orders(flowClient, model, withFlow ? options.orderRate : 1);
    if (withFlow) orders.start();
    result = md_storm::runStorm(venue, book, model, prices, settings);
    if (withFlow) {
      orders.stop();
      flow.rate = options.orderRate;
      flow.flowNanos = md_storm::steadyNanos() - orders.startNanos();
      flow.allAnswered = flowBook.waitForAnswers(kFlowDrainTimeout);
      flow.tally = flowBook.tally();
      flow.latencies = flowBook.latencies(orders.startNanos(), options.orderRate);
    }
  }
  const bool sessionsHeld = venue.loggedOn() && client.loggedOn() && (!withFlow || flowClient.loggedOn());
  if (flowInitiator) flowInitiator->stop();
  initiator.stop();
  acceptor.stop();
  if (code != 0) return code;

  const md_storm::StormReport report = md_storm::makeReport(settings, model, prices, result, flow);
  md_storm::printTable(report, std::cout);
  if (!sessionsHeld) std::cerr << "md-storm: a session dropped during the storm\n";
  if (!result.completed) std::cerr << "md-storm: the storm did not complete: " << result.stopReason << '\n';
  if (!options.jsonPath.empty() && !writeFile(options.jsonPath, md_storm::toJson(report))) return 2;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  StormOptions options;
  if (const int code = md_storm::parseOptions(argc, argv, options)) return code == 1 ? 0 : code;
  md_storm::StormModel model;
  model.symbolCount = options.symbols;
  md_storm::StormPrices prices;
  std::string problem;
  if (!md_storm::computePrices(model, prices, problem)) {
    std::cerr << "md-storm: the margin model admits no storm: " << problem << '\n';
    return 2;
  }
  if (!options.writeConfigDir.empty()) {
    md_storm::SessionPlan plan;
    plan.clientPort = options.clientPort;
    plan.venuePort = options.venuePort;
    plan.dictionary = options.dictionary;
    plan.orderFlow = options.orderRate > 0;
    const bool written =
        writeFile(options.writeConfigDir + "/gateway.cfg", md_storm::gatewaySettingsText(plan, model)) &&
        writeFile(options.writeConfigDir + "/risk.toml", md_storm::riskConfigText(model, plan.orderFlow));
    return written ? 0 : 2;
  }
  try {
    return runStorm(options, model, prices);
  } catch (const std::exception& failure) {
    std::cerr << "md-storm: " << failure.what() << '\n';
    return 2;
  }
}
