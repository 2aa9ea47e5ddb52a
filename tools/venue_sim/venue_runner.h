#pragma once

// The executable's clock: plays the scenario by its offsets or steps the random walks every
// step-ms, until SIGINT or SIGTERM. gateway::bridge::blockStopSignals() must run before any thread
// starts so that only runUntilSignalled() receives them.

#include "tools/venue_sim/venue_simulator.h"

namespace venue_sim {

// Returns the signal that stopped it.
int runUntilSignalled(VenueSimulator& venue, int stepMs);

}  // namespace venue_sim
