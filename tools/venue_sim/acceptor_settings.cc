#include "tools/venue_sim/acceptor_settings.h"

#include <quickfix/Values.h>

namespace venue_sim {
namespace {

constexpr char kBeginString[] = "FIX.4.4";
constexpr char kAllDay[] = "00:00:00";

}  // namespace

FIX::SessionSettings buildAcceptorSettings(int port, const std::string& senderCompId,
                                           const std::vector<std::string>& clientCompIds,
                                           const std::string& dictionaryPath) {
  FIX::Dictionary defaults;
  defaults.setString(FIX::CONNECTION_TYPE, "acceptor");
  defaults.setInt(FIX::SOCKET_ACCEPT_PORT, port);
  defaults.setBool(FIX::SOCKET_REUSE_ADDRESS, true);
  defaults.setBool(FIX::SOCKET_NODELAY, true);
  defaults.setString(FIX::START_TIME, kAllDay);
  defaults.setString(FIX::END_TIME, kAllDay);
  if (dictionaryPath.empty()) {
    defaults.setBool(FIX::USE_DATA_DICTIONARY, false);
  } else {
    defaults.setBool(FIX::USE_DATA_DICTIONARY, true);
    defaults.setString(FIX::DATA_DICTIONARY, dictionaryPath);
  }

  FIX::SessionSettings settings;
  settings.set(defaults);
  for (const std::string& client : clientCompIds) {
    const FIX::SessionID id(kBeginString, senderCompId, client);
    FIX::Dictionary session;
    session.setString(FIX::BEGINSTRING, kBeginString);
    session.setString(FIX::SENDERCOMPID, senderCompId);
    session.setString(FIX::TARGETCOMPID, client);
    settings.set(id, session);
  }
  return settings;
}

}  // namespace venue_sim
