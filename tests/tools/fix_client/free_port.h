#pragma once

// A TCP port that was free a moment ago: bound to port 0 on loopback, read back, released.

namespace fix_client_test {

int findFreePort();

}  // namespace fix_client_test
