#pragma once

// The gateway's QuickFIX settings: read from a file or text, checked, and completed.
//
// Besides QuickFIX's own keys, every session carries the gateway's keys:
//   GatewayRole = client     an acceptor session of a client (any number, none is allowed);
//                            needs Password (non-empty: the Logon's 554 must match it) and
//                            Accounts (comma-separated ids, 1-24 characters [A-Za-z0-9._-]).
//   GatewayRole = venue      the initiator session that carries orders (exactly one).
//   GatewayRole = marketdata an initiator session for market data only (at most one; without
//                            one, market data is requested over the venue session).
// Checks: BeginString FIX.4.4; ConnectionType acceptor for clients, initiator for the others;
// SocketAcceptPort (clients) or SocketConnectHost/SocketConnectPort and HeartBtInt (initiators);
// a DataDictionary file that exists when UseDataDictionary is not N (see dictionary_path.h).
// Completions: the port and dictionary overrides of FixEngineOptions; SocketNodelay=Y unless set;
// RefreshOnLogon=Y on client sessions (the logon-guarded store relies on it, an explicit N is
// refused). Every error names the file, the session and the key, e.g.
//   "fix-config/gateway.cfg: [FIX.4.4:BROKER->CLIENT1] Password: missing or empty".

#include <quickfix/SessionID.h>
#include <quickfix/SessionSettings.h>

#include <string>
#include <vector>

#include "gateway/bridge/messages.h"
#include "gateway/fix/fix_engine.h"

namespace gateway {
namespace fix {

// QuickFIX's default SessionID() leaves a bool member uninitialised (copying one is undefined
// behaviour): every SessionID here is built from strings.
inline FIX::SessionID noSession() { return FIX::SessionID("", "", ""); }

struct ClientSessionSettings {
  FIX::SessionID id = noSession();
  bridge::ClientSessionConfig config;  // index = position in GatewaySettings::clients
  std::string password;
};

struct GatewaySettings {
  FIX::SessionSettings quickfix;  // every session, completed
  // The same split by ConnectionType: QuickFIX's SocketAcceptor wants a SocketAcceptPort on every
  // session it is given, the SocketInitiator a SocketConnectHost/Port.
  FIX::SessionSettings acceptorSettings;
  FIX::SessionSettings initiatorSettings;
  std::vector<ClientSessionSettings> clients;  // by SessionIndex (sessions in SessionID order)
  FIX::SessionID venue = noSession();
  bool hasMarketDataSession = false;
  FIX::SessionID marketData = noSession();  // valid when hasMarketDataSession
};

// Reads options.settingsPath (or options.settingsText when the path is empty). False and `error`
// set on the first problem found.
bool loadGatewaySettings(const FixEngineOptions& options, GatewaySettings& settings,
                         std::string& error);

// Setting keys of the gateway (QuickFIX ignores keys it does not know).
extern const char kGatewayRoleKey[];
extern const char kPasswordKey[];
extern const char kAccountsKey[];

}  // namespace fix
}  // namespace gateway
