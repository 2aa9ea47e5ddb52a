#pragma once

// A TCP port that was free a moment ago: tests/support's findFreePort, under this folder's namespace.

#include "tests/support/free_port.h"

namespace venue_sim_test {

using test_support::findFreePort;

}  // namespace venue_sim_test
