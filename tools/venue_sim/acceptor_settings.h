#pragma once

// QuickFIX acceptor settings built in code: one FIX 4.4 session per client CompID on one port,
// always in session (StartTime = EndTime), SocketNodelay=Y, dictionary validation when a path is given.

#include <string>
#include <vector>

#include <quickfix/SessionSettings.h>

namespace venue_sim {

FIX::SessionSettings buildAcceptorSettings(int port, const std::string& senderCompId,
                                           const std::vector<std::string>& clientCompIds,
                                           const std::string& dictionaryPath);

}  // namespace venue_sim
