#pragma once

// Pieces of QuickFIX settings text for the tests: the [DEFAULT] section every test session shares,
// the gateway's own sessions (a client it accepts, a venue or feed it connects to; their ports are
// the test's options' to set), and a counterparty's session that connects to the gateway.
// C++14-clean (the tests that use it include QuickFIX).

#include <string>

namespace gateway {
namespace fix {
namespace testing {

// FIX 4.4 around the clock with the data dictionary `dictionaryPath` (no DataDictionary line when
// it is empty: the program is given the dictionary otherwise), then the lines of `extra`.
inline std::string defaultSection(const std::string& dictionaryPath, const std::string& extra) {
  std::string text =
      "[DEFAULT]\n"
      "BeginString=FIX.4.4\n"
      "HeartBtInt=30\n"
      "StartTime=00:00:00\n"
      "EndTime=00:00:00\n"
      "UseDataDictionary=Y\n";
  if (!dictionaryPath.empty()) text += "DataDictionary=" + dictionaryPath + "\n";
  return text + extra;
}

// A client session the gateway (BROKER) accepts from `clientCompId`, with its password and the
// accounts it may trade ("ACC-1,ACC-2").
inline std::string clientSession(const std::string& clientCompId, const std::string& password,
                                 const std::string& accounts) {
  return "[SESSION]\n"
         "GatewayRole=client\n"
         "ConnectionType=acceptor\n"
         "SenderCompID=BROKER\n"
         "TargetCompID=" + clientCompId + "\n"
         "SocketAcceptPort=1\n"
         "Password=" + password + "\n"
         "Accounts=" + accounts + "\n";
}

// A session the gateway (GATEWAY) opens to 127.0.0.1: `role` "venue" to VENUE, "marketdata" to FEED.
inline std::string upstreamSession(const std::string& role, const std::string& targetCompId) {
  return "[SESSION]\n"
         "GatewayRole=" + role + "\n"
         "ConnectionType=initiator\n"
         "SenderCompID=GATEWAY\n"
         "TargetCompID=" + targetCompId + "\n"
         "SocketConnectHost=127.0.0.1\n"
         "SocketConnectPort=1\n";
}

// The gateway's venue session.
inline std::string venueSession() { return upstreamSession("venue", "VENUE"); }

// A counterparty's session that connects as `senderCompId` to `targetCompId` on 127.0.0.1:`port`.
inline std::string connectingSession(const std::string& senderCompId, const std::string& targetCompId, int port) {
  return "[SESSION]\n"
         "ConnectionType=initiator\n"
         "SenderCompID=" + senderCompId + "\n"
         "TargetCompID=" + targetCompId + "\n"
         "SocketConnectHost=127.0.0.1\n"
         "SocketConnectPort=" + std::to_string(port) + "\n";
}

}  // namespace testing
}  // namespace fix
}  // namespace gateway
