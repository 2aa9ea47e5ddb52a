#include "gateway/fix/gateway_settings.h"

#include <quickfix/Exceptions.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/Values.h>

#include <cstdlib>
#include <sstream>

#include "gateway/fix/account_list.h"
#include "gateway/fix/dictionary_path.h"

namespace gateway {
namespace fix {

const char kGatewayRoleKey[] = "GatewayRole";
const char kPasswordKey[] = "Password";
const char kAccountsKey[] = "Accounts";

namespace {

constexpr char kRoleClient[] = "client";
constexpr char kRoleVenue[] = "venue";
constexpr char kRoleMarketData[] = "marketdata";

// A setting parsed as a TCP port (1-65535); false when it is not one.
bool parsePort(const std::string& text, int& port) {
  if (text.empty() || text.size() > 5) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  port = std::atoi(text.c_str());
  return port >= 1 && port <= 65535;
}

bool parsePositiveInt(const std::string& text, int& value) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  value = std::atoi(text.c_str());
  return value > 0;
}

std::string valueOf(const FIX::Dictionary& dictionary, const char* key) {
  return dictionary.has(key) ? dictionary.getString(key) : std::string();
}

class SettingsChecker {
 public:
  explicit SettingsChecker(const FixEngineOptions& options)
      : options_(options),
        source_(options.settingsPath.empty() ? std::string("<settings text>")
                                             : options.settingsPath) {}

  bool run(GatewaySettings& out, std::string& error) {
    FIX::SessionSettings parsed;
    if (!parse(parsed, error)) return false;

    const std::set<FIX::SessionID> ids = parsed.getSessions();
    if (ids.empty()) {
      error = source_ + ": no [SESSION] section";
      return false;
    }

    GatewaySettings result;
    result.quickfix.set(parsed.get());
    result.acceptorSettings.set(parsed.get());
    result.initiatorSettings.set(parsed.get());
    bool haveVenue = false;
    for (const FIX::SessionID& id : ids) {
      FIX::Dictionary dictionary = parsed.get(id);
      if (!checkSession(id, dictionary, haveVenue, result, error)) return false;
      try {
        result.quickfix.set(id, dictionary);
        const bool acceptor = dictionary.getString(FIX::CONNECTION_TYPE) == "acceptor";
        (acceptor ? result.acceptorSettings : result.initiatorSettings).set(id, dictionary);
      } catch (const FIX::ConfigError& e) {
        error = sessionError(id, "", e.what());
        return false;
      }
    }
    if (!haveVenue) {
      error = source_ + ": no session has " + kGatewayRoleKey + "=" + kRoleVenue +
              " (exactly one venue initiator is needed)";
      return false;
    }
    out = result;
    return true;
  }

 private:
  bool parse(FIX::SessionSettings& parsed, std::string& error) const {
    try {
      if (!options_.settingsPath.empty()) {
        parsed = FIX::SessionSettings(options_.settingsPath);
      } else {
        std::istringstream text(options_.settingsText);
        parsed = FIX::SessionSettings(text);
      }
    } catch (const FIX::ConfigError& e) {
      error = source_ + ": " + e.what();
      return false;
    }
    return true;
  }

  std::string sessionError(const FIX::SessionID& id, const std::string& key,
                           const std::string& problem) const {
    return source_ + ": [" + id.toString() + "] " + (key.empty() ? "" : key + ": ") + problem;
  }

  bool checkSession(const FIX::SessionID& id, FIX::Dictionary& dictionary, bool& haveVenue,
                    GatewaySettings& result, std::string& error) const {
    if (id.getBeginString().getValue() != FIX::BeginString_FIX44) {
      error = sessionError(id, FIX::BEGINSTRING, "must be FIX.4.4");
      return false;
    }
    const std::string role = valueOf(dictionary, kGatewayRoleKey);
    if (role.empty()) {
      error = sessionError(id, kGatewayRoleKey, "missing (client, venue or marketdata)");
      return false;
    }
    const bool isClient = role == kRoleClient;
    if (!isClient && role != kRoleVenue && role != kRoleMarketData) {
      error = sessionError(id, kGatewayRoleKey,
                           "unknown role '" + role + "' (client, venue or marketdata)");
      return false;
    }
    const std::string connectionType = valueOf(dictionary, FIX::CONNECTION_TYPE);
    const char* expectedType = isClient ? "acceptor" : "initiator";
    if (connectionType != expectedType) {
      error = sessionError(id, FIX::CONNECTION_TYPE,
                           "must be " + std::string(expectedType) + " for " + kGatewayRoleKey +
                               "=" + role + " (found '" + connectionType + "')");
      return false;
    }
    if (!dictionary.has(FIX::SOCKET_NODELAY)) dictionary.setString(FIX::SOCKET_NODELAY, "Y");
    if (!completeDictionary(id, dictionary, error)) return false;

    if (isClient) return checkClient(id, dictionary, result, error);
    if (!checkInitiator(id, dictionary, role == kRoleVenue ? options_.venuePort
                                                          : options_.marketDataPort,
                        error)) {
      return false;
    }
    if (role == kRoleVenue) {
      if (haveVenue) {
        error = sessionError(id, kGatewayRoleKey,
                             "a second venue session (" + result.venue.toString() +
                                 " is already the venue; exactly one is allowed)");
        return false;
      }
      haveVenue = true;
      result.venue = id;
      return true;
    }
    if (result.hasMarketDataSession) {
      error = sessionError(id, kGatewayRoleKey,
                           "a second marketdata session (" + result.marketData.toString() +
                               " is already the market-data session; at most one is allowed)");
      return false;
    }
    result.hasMarketDataSession = true;
    result.marketData = id;
    return true;
  }

  bool checkClient(const FIX::SessionID& id, FIX::Dictionary& dictionary, GatewaySettings& result,
                   std::string& error) const {
    ClientSessionSettings client;
    client.id = id;
    client.password = valueOf(dictionary, kPasswordKey);
    if (client.password.empty()) {
      error = sessionError(id, kPasswordKey, "missing or empty (a client session needs one)");
      return false;
    }
    if (!dictionary.has(kAccountsKey)) {
      error = sessionError(id, kAccountsKey, "missing (the accounts this client may trade)");
      return false;
    }
    std::string problem;
    if (!parseAccountList(dictionary.getString(kAccountsKey), client.config.accounts, problem)) {
      error = sessionError(id, kAccountsKey, problem);
      return false;
    }
    if (options_.clientPort != 0) {
      dictionary.setInt(FIX::SOCKET_ACCEPT_PORT, options_.clientPort);
    } else {
      int port = 0;
      if (!parsePort(valueOf(dictionary, FIX::SOCKET_ACCEPT_PORT), port)) {
        error = sessionError(id, FIX::SOCKET_ACCEPT_PORT, "missing or not a port (1-65535)");
        return false;
      }
    }
    // The logon-guarded store learns that a Logon arrived from the refresh QuickFIX makes
    // before anything else when RefreshOnLogon=Y (see logon_guarded_store.h).
    if (dictionary.has(FIX::REFRESH_ON_LOGON) &&
        dictionary.getString(FIX::REFRESH_ON_LOGON) != "Y") {
      error = sessionError(id, FIX::REFRESH_ON_LOGON,
                           "must be Y on client sessions (the logon guard of the session's "
                           "sequence numbers needs it)");
      return false;
    }
    dictionary.setString(FIX::REFRESH_ON_LOGON, "Y");

    client.config.index = static_cast<bridge::SessionIndex>(result.clients.size());
    client.config.name =
        id.getSenderCompID().getValue() + "->" + id.getTargetCompID().getValue();
    result.clients.push_back(client);
    return true;
  }

  bool checkInitiator(const FIX::SessionID& id, FIX::Dictionary& dictionary, int portOverride,
                      std::string& error) const {
    if (valueOf(dictionary, FIX::SOCKET_CONNECT_HOST).empty()) {
      error = sessionError(id, FIX::SOCKET_CONNECT_HOST, "missing");
      return false;
    }
    if (portOverride != 0) {
      dictionary.setInt(FIX::SOCKET_CONNECT_PORT, portOverride);
    } else {
      int port = 0;
      if (!parsePort(valueOf(dictionary, FIX::SOCKET_CONNECT_PORT), port)) {
        error = sessionError(id, FIX::SOCKET_CONNECT_PORT, "missing or not a port (1-65535)");
        return false;
      }
    }
    int heartbeat = 0;
    if (!parsePositiveInt(valueOf(dictionary, FIX::HEARTBTINT), heartbeat)) {
      error = sessionError(id, FIX::HEARTBTINT, "missing or not a positive number of seconds");
      return false;
    }
    return true;
  }

  // Applies the dictionary override and resolves a relative DataDictionary path.
  bool completeDictionary(const FIX::SessionID& id, FIX::Dictionary& dictionary,
                          std::string& error) const {
    if (!options_.dictionaryPath.empty()) {
      dictionary.setString(FIX::DATA_DICTIONARY, options_.dictionaryPath);
    }
    const std::string use = valueOf(dictionary, FIX::USE_DATA_DICTIONARY);
    if (!use.empty() && use != "Y" && use != "N") {
      error = sessionError(id, FIX::USE_DATA_DICTIONARY, "must be Y or N");
      return false;
    }
    if (use == "N") return true;
    const std::string given = valueOf(dictionary, FIX::DATA_DICTIONARY);
    if (given.empty()) {
      error = sessionError(id, FIX::DATA_DICTIONARY,
                           "missing (or set UseDataDictionary=N, which market data cannot use)");
      return false;
    }
    const std::string resolved = resolveDictionaryPath(given, options_.settingsPath);
    if (resolved.empty()) {
      error = sessionError(id, FIX::DATA_DICTIONARY, "file not found: " + given);
      return false;
    }
    dictionary.setString(FIX::DATA_DICTIONARY, resolved);
    return true;
  }

  const FixEngineOptions& options_;
  const std::string source_;
};

}  // namespace

bool loadGatewaySettings(const FixEngineOptions& options, GatewaySettings& settings,
                         std::string& error) {
  return SettingsChecker(options).run(settings, error);
}

}  // namespace fix
}  // namespace gateway
