#pragma once

// Start-up recovery: rebuilds the gateway core from its journal. The first record (genesis) holds the
// risk configuration the core started from and the client sessions by index; every later record is
// one input, applied again in order with nothing sent and nothing recorded (it is all stored), so
// positions, cash, open orders, marks, calls, routing and the collateral desk come back exactly as
// they were when the process stopped or died.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gateway/core/business_log.h"
#include "gateway/core/deferred_outbox.h"
#include "gateway/core/gateway_core.h"
#include "gateway/core/journaled_input.h"
#include "gateway/core/recorder.h"

namespace gateway::app {

// What the first journal record says; nullopt (and no error) when the journal is empty.
std::optional<core::GenesisInput> readGenesis(const std::string& databasePath, std::string& error);

struct ReplayResult {
  std::int64_t records = 0;
  std::string lastConfigText;  // the configuration in force at the end of the journal
  std::string error;           // non-empty: the journal could not be replayed (the gateway must not start)
};

// Replays every record after genesis into `core` (built from the genesis configuration).
ReplayResult replayJournal(const std::string& databasePath, const core::GenesisInput& genesis,
                           core::GatewayCore& core, core::Recorder& recorder, core::DeferredOutbox& outbox);

}  // namespace gateway::app
