#pragma once

namespace venue_sim_test {

// A TCP port that was free a moment ago: binds port 0 on loopback, reads the port, closes.
int findFreePort();

}  // namespace venue_sim_test
