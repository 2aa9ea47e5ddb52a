#pragma once

// Test support: a TCP port that nothing is bound to right now. C++14-clean: gnu++14 tests use it.

namespace test_support {

// Binds port 0 on every address (as a QuickFIX acceptor binds), reads the port the kernel chose and
// closes. Another process could take it before the test does; on a test machine it does not.
int findFreePort();

}  // namespace test_support
