// venue-sim: a FIX 4.4 trading venue for the demo and the tests. See README.md.

#include <csignal>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "tools/venue_sim/venue_options.h"
#include "gateway/bridge/stop_signals.h"
#include "tools/venue_sim/venue_runner.h"
#include "tools/venue_sim/venue_simulator.h"

namespace {

std::string summaryOf(const venue_sim::CommandLine& line) {
  const venue_sim::VenueConfig& config = line.config;
  std::ostringstream text;
  text << "venue-sim listening on port " << config.port << " as " << config.senderCompId << " for";
  for (const std::string& client : config.clientCompIds) text << ' ' << client;
  if (config.marketDataPort != 0) {
    text << "; market data on port " << config.marketDataPort << " for " << config.marketDataClientCompId;
  } else {
    text << "; market data on the order sessions";
  }
  text << "; dictionary " << (config.dictionaryPath.empty() ? std::string("none") : config.dictionaryPath);
  if (!config.scenario.empty()) {
    text << "; scenario " << line.scenarioPath << " (" << config.scenario.size() << " rows)";
  } else if (!config.randomWalks.empty()) {
    text << "; random walk";
    for (const venue_sim::RandomWalkSpec& walk : config.randomWalks) text << ' ' << walk.symbol;
    text << " every " << line.stepMs << " ms (seed " << config.seed << ")";
  } else {
    text << "; no price source";
  }
  if (config.noAck) text << "; no-ack";
  return text.str();
}

}  // namespace

int main(int argc, char* argv[]) {
  venue_sim::CommandLine line;
  try {
    line = venue_sim::parseCommandLine(argc, argv);
  } catch (const std::invalid_argument& error) {
    std::cerr << "venue-sim: " << error.what() << "\n(try --help)\n";
    return 2;
  }
  if (line.showHelp) {
    venue_sim::printHelp(std::cout);
    return 0;
  }
  gateway::bridge::blockStopSignals();  // before QuickFIX starts its threads
  try {
    venue_sim::VenueSimulator venue(line.config);
    venue.start();
    std::cout << summaryOf(line) << std::endl;
    const int signal = venue_sim::runUntilSignalled(venue, line.stepMs);
    venue.stop();
    std::cout << "venue-sim stopped (" << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ")" << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "venue-sim: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
