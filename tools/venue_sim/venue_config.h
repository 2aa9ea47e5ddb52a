#pragma once

// Everything a VenueSimulator is built from. The executable fills it from its options; tests fill
// it directly. Prices and quantities are raw 1e-8 counts.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tools/venue_sim/random_walk.h"
#include "tools/venue_sim/scenario_file.h"
#include "tools/venue_sim/venue_types.h"

namespace venue_sim {

enum class RejectStyle {
  kSession,   // session-level Reject (35=3), SessionRejectReason 5, RefTagID 40
  kBusiness,  // BusinessMessageReject (35=j), BusinessRejectReason 3, BusinessRejectRefID = ClOrdID
};

struct VenueConfig {
  int port = 0;                                   // order sessions' acceptor port
  std::string senderCompId = "VENUE";
  std::vector<std::string> clientCompIds{"GATEWAY"};  // one order session each
  std::string dictionaryPath;                     // empty: UseDataDictionary=N
  int marketDataPort = 0;                         // > 0: a separate market data acceptor
  std::string marketDataClientCompId;             // its session's TargetCompID
  std::string logFile;                            // empty: no QuickFIX log at all

  bool noAck = false;
  std::int64_t maxFillQty = 0;                    // 0: fill the whole order at once
  bool hasCommission = false;
  std::int64_t commissionPerUnit = 0;
  char rejectOrdType = '\0';                      // '\0': accept every supported OrdType
  RejectStyle rejectStyle = RejectStyle::kSession;
  std::int64_t quoteSize = 100 * kDecimalScale;   // MDEntrySize of every market data entry

  std::vector<RandomWalkSpec> randomWalks;
  std::uint64_t seed = 1;
  std::vector<ScenarioRow> scenario;              // when set, step() plays it row by row

  std::size_t recordLimit = 100000;               // messages kept per direction for queries
};

// Empty when the configuration is usable, else what is wrong.
std::string validateConfig(const VenueConfig& config);

}  // namespace venue_sim
