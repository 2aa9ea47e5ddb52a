#include "tools/venue_sim/venue_config.h"

#include <set>

namespace venue_sim {

std::string validateConfig(const VenueConfig& config) {
  if (config.port <= 0 || config.port > 65535) return "--port must be between 1 and 65535";
  if (config.senderCompId.empty()) return "--sender-comp-id must not be empty";
  if (config.clientCompIds.empty()) return "at least one --client-comp-id is needed";
  std::set<std::string> clients;
  for (const std::string& client : config.clientCompIds) {
    if (client.empty()) return "--client-comp-id must not be empty";
    if (!clients.insert(client).second) return "--client-comp-id " + client + " is given twice";
  }
  if (config.marketDataPort != 0) {
    if (config.marketDataPort < 0 || config.marketDataPort > 65535) {
      return "--md-port must be between 1 and 65535";
    }
    if (config.marketDataPort == config.port) return "--md-port must differ from --port";
    if (config.marketDataClientCompId.empty()) return "--md-port needs --md-client-comp-id";
    if (clients.count(config.marketDataClientCompId) != 0) {
      return "--md-client-comp-id must differ from every --client-comp-id";
    }
  } else if (!config.marketDataClientCompId.empty()) {
    return "--md-client-comp-id needs --md-port";
  }
  if (config.maxFillQty < 0) return "--max-fill-qty must be positive";
  if (config.hasCommission && config.commissionPerUnit < 0) return "--commission-per-unit must not be negative";
  if (config.rejectOrdType != '\0' && config.rejectOrdType != '1' && config.rejectOrdType != '2') {
    return "--reject-ord-type must be 1 (market) or 2 (limit)";
  }
  if (config.quoteSize <= 0) return "--quote-size must be positive";
  if (!config.randomWalks.empty() && !config.scenario.empty()) {
    return "--random-walk and --scenario cannot be used together";
  }
  std::set<std::string> walked;
  for (const RandomWalkSpec& walk : config.randomWalks) {
    if (!walked.insert(walk.symbol).second) return "--random-walk " + walk.symbol + " is given twice";
  }
  return std::string();
}

}  // namespace venue_sim
