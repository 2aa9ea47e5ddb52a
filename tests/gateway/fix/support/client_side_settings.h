#pragma once

// The FIX engine's settings for the client-side integration tests: two client sessions (CLIENT1
// trades ACC-ALPHA with "right-password", CLIENT2 trades ACC-BETA) and a venue session whose port the
// test overrides. GATEWAY_FIX_DICTIONARY comes from the tests' CMakeLists.

namespace gateway {
namespace fix {
namespace testing {

constexpr char kClientSideSettings[] =
    "[DEFAULT]\n"
    "BeginString=FIX.4.4\n"
    "HeartBtInt=30\n"
    "StartTime=00:00:00\n"
    "EndTime=00:00:00\n"
    "UseDataDictionary=Y\n"
    "DataDictionary=" GATEWAY_FIX_DICTIONARY "\n"
    "ValidateUserDefinedFields=Y\n"
    "ReconnectInterval=60\n"
    "[SESSION]\n"
    "GatewayRole=client\n"
    "ConnectionType=acceptor\n"
    "SenderCompID=BROKER\n"
    "TargetCompID=CLIENT1\n"
    "SocketAcceptPort=1\n"
    "Password=right-password\n"
    "Accounts=ACC-ALPHA\n"
    "[SESSION]\n"
    "GatewayRole=client\n"
    "ConnectionType=acceptor\n"
    "SenderCompID=BROKER\n"
    "TargetCompID=CLIENT2\n"
    "SocketAcceptPort=1\n"
    "Password=other-password\n"
    "Accounts=ACC-BETA\n"
    "[SESSION]\n"
    "GatewayRole=venue\n"
    "ConnectionType=initiator\n"
    "SenderCompID=GATEWAY\n"
    "TargetCompID=VENUE\n"
    "SocketConnectHost=127.0.0.1\n"
    "SocketConnectPort=1\n";

}  // namespace testing
}  // namespace fix
}  // namespace gateway
