#pragma once

// The FIX engine's settings for the client-side integration tests: two client sessions (CLIENT1
// trades ACC-ALPHA with "right-password", CLIENT2 trades ACC-BETA) and a venue session whose port the
// test overrides. GATEWAY_FIX_DICTIONARY comes from the tests' CMakeLists.

#include <string>

#include "tests/gateway/fix/support/settings_text.h"

namespace gateway {
namespace fix {
namespace testing {

inline std::string clientSideSettings() {
  return defaultSection(GATEWAY_FIX_DICTIONARY, "ValidateUserDefinedFields=Y\nReconnectInterval=60\n") +
         clientSession("CLIENT1", "right-password", "ACC-ALPHA") +
         clientSession("CLIENT2", "other-password", "ACC-BETA") + venueSession();
}

}  // namespace testing
}  // namespace fix
}  // namespace gateway
