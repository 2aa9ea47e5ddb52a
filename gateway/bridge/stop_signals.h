#pragma once

// How the project's programs stop: SIGINT and SIGTERM are blocked before any thread starts (every
// thread inherits the mask), and the main thread takes them with sigwait, so no handler runs on
// some other thread mid-work. Shared by risk-gateway, fix-forwarder and venue-sim. C++14-clean.

#include <chrono>

namespace gateway {
namespace bridge {

// Blocks SIGINT and SIGTERM in the calling thread. Call before any thread starts.
void blockStopSignals();

// Waits for SIGINT or SIGTERM; returns it.
int waitForStopSignal();

// Waits for SIGINT or SIGTERM until `deadline`; returns it, or 0 when the deadline passed first.
int waitForStopSignalUntil(std::chrono::steady_clock::time_point deadline);

}  // namespace bridge
}  // namespace gateway
