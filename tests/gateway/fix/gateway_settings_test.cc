// Settings validation: every bad setting is refused with a message naming the session and key.

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "gateway/fix/account_list.h"
#include "gateway/fix/fix_engine.h"
#include "gateway/fix/gateway_settings.h"

namespace gateway {
namespace fix {
namespace {

const char kDefaults[] =
    "[DEFAULT]\n"
    "BeginString=FIX.4.4\n"
    "HeartBtInt=30\n"
    "StartTime=00:00:00\n"
    "EndTime=00:00:00\n"
    "UseDataDictionary=Y\n"
    "DataDictionary=" GATEWAY_FIX_DICTIONARY "\n";

const char kClient1[] =
    "[SESSION]\n"
    "GatewayRole=client\n"
    "ConnectionType=acceptor\n"
    "SenderCompID=BROKER\n"
    "TargetCompID=CLIENT1\n"
    "SocketAcceptPort=9880\n"
    "Password=alpha-secret\n"
    "Accounts=ACC-ALPHA, ACC-GAMMA\n";

const char kClient2[] =
    "[SESSION]\n"
    "GatewayRole=client\n"
    "ConnectionType=acceptor\n"
    "SenderCompID=BROKER\n"
    "TargetCompID=CLIENT2\n"
    "SocketAcceptPort=9880\n"
    "Password=beta-secret\n"
    "Accounts=ACC-BETA\n";

const char kVenue[] =
    "[SESSION]\n"
    "GatewayRole=venue\n"
    "ConnectionType=initiator\n"
    "SenderCompID=GATEWAY\n"
    "TargetCompID=VENUE\n"
    "SocketConnectHost=127.0.0.1\n"
    "SocketConnectPort=9881\n";

const char kFeed[] =
    "[SESSION]\n"
    "GatewayRole=marketdata\n"
    "ConnectionType=initiator\n"
    "SenderCompID=GATEWAY\n"
    "TargetCompID=FEED\n"
    "SocketConnectHost=127.0.0.1\n"
    "SocketConnectPort=9882\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

bool load(const std::string& text, GatewaySettings& settings, std::string& error) {
  FixEngineOptions options;
  options.settingsText = text;
  return loadGatewaySettings(options, settings, error);
}

std::string errorOf(const std::string& text) {
  GatewaySettings settings;
  std::string error;
  EXPECT_FALSE(load(text, settings, error)) << text;
  return error;
}

std::string valid() { return std::string(kDefaults) + kClient1 + kClient2 + kVenue; }

TEST(GatewaySettings, AcceptsAValidFileAndListsTheClientSessions) {
  GatewaySettings settings;
  std::string error;
  ASSERT_TRUE(load(valid(), settings, error)) << error;
  ASSERT_EQ(settings.clients.size(), 2u);
  EXPECT_EQ(settings.clients[0].config.index, 0u);
  EXPECT_EQ(settings.clients[0].config.name, "BROKER->CLIENT1");
  EXPECT_EQ(settings.clients[0].config.accounts, (std::vector<std::string>{"ACC-ALPHA", "ACC-GAMMA"}));
  EXPECT_EQ(settings.clients[0].password, "alpha-secret");
  EXPECT_EQ(settings.clients[1].config.name, "BROKER->CLIENT2");
  EXPECT_EQ(settings.clients[1].config.accounts, std::vector<std::string>{"ACC-BETA"});
  EXPECT_EQ(settings.venue.toString(), "FIX.4.4:GATEWAY->VENUE");
  EXPECT_FALSE(settings.hasMarketDataSession);

  const FIX::Dictionary& client = settings.quickfix.get(settings.clients[0].id);
  EXPECT_EQ(client.getString("SocketNodelay"), "Y");
  EXPECT_EQ(client.getString("RefreshOnLogon"), "Y");
}

TEST(GatewaySettings, AcceptsOneMarketDataSession) {
  GatewaySettings settings;
  std::string error;
  ASSERT_TRUE(load(valid() + kFeed, settings, error)) << error;
  EXPECT_TRUE(settings.hasMarketDataSession);
  EXPECT_EQ(settings.marketData.toString(), "FIX.4.4:GATEWAY->FEED");
}

TEST(GatewaySettings, AppliesPortAndDictionaryOverridesAndKeepsAnExplicitNodelay) {
  FixEngineOptions options;
  options.settingsText =
      replaced(valid(), "SocketConnectPort=9881\n", "SocketConnectPort=9881\nSocketNodelay=N\n") +
      kFeed;
  options.clientPort = 40001;
  options.venuePort = 40002;
  options.marketDataPort = 40003;
  options.dictionaryPath = GATEWAY_FIX_DICTIONARY;
  GatewaySettings settings;
  std::string error;
  ASSERT_TRUE(loadGatewaySettings(options, settings, error)) << error;
  EXPECT_EQ(settings.quickfix.get(settings.clients[1].id).getString("SocketAcceptPort"), "40001");
  EXPECT_EQ(settings.quickfix.get(settings.venue).getString("SocketConnectPort"), "40002");
  EXPECT_EQ(settings.quickfix.get(settings.venue).getString("SocketNodelay"), "N");
  EXPECT_EQ(settings.quickfix.get(settings.marketData).getString("SocketConnectPort"), "40003");
  EXPECT_EQ(settings.quickfix.get(settings.marketData).getString("DataDictionary"),
            GATEWAY_FIX_DICTIONARY);
}

TEST(GatewaySettings, RefusesAClientWithoutPassword) {
  const std::string error = errorOf(replaced(valid(), "Password=alpha-secret\n", ""));
  EXPECT_EQ(error, "<settings text>: [FIX.4.4:BROKER->CLIENT1] Password: missing or empty (a client "
                   "session needs one)");
}

TEST(GatewaySettings, RefusesAnEmptyPassword) {
  const std::string error = errorOf(replaced(valid(), "Password=beta-secret\n", "Password=\n"));
  EXPECT_NE(error.find("[FIX.4.4:BROKER->CLIENT2] Password: missing or empty"), std::string::npos)
      << error;
}

TEST(GatewaySettings, RefusesBadAccounts) {
  EXPECT_NE(errorOf(replaced(valid(), "Accounts=ACC-BETA\n", "")).find(
                "[FIX.4.4:BROKER->CLIENT2] Accounts: missing"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "Accounts=ACC-BETA\n", "Accounts=ACC BETA\n"))
                .find("[FIX.4.4:BROKER->CLIENT2] Accounts: account 1 'ACC BETA' has a character "
                      "other than A-Z a-z 0-9 . _ -"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "Accounts=ACC-BETA\n", "Accounts=ACC-BETA,,X\n"))
                .find("[FIX.4.4:BROKER->CLIENT2] Accounts: account 2 is empty"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "Accounts=ACC-BETA\n",
                             "Accounts=A234567890123456789012345\n"))
                .find("Accounts: account 1 'A234567890123456789012345' is longer than 24"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "Accounts=ACC-BETA\n", "Accounts=X,Y,X\n"))
                .find("Accounts: account 3 'X' is listed twice"),
            std::string::npos);
}

TEST(GatewaySettings, RefusesTwoVenueSessions) {
  const std::string secondVenue = replaced(kVenue, "TargetCompID=VENUE", "TargetCompID=VENUE2");
  const std::string error = errorOf(valid() + secondVenue);
  EXPECT_EQ(error, "<settings text>: [FIX.4.4:GATEWAY->VENUE2] GatewayRole: a second venue "
                   "session (FIX.4.4:GATEWAY->VENUE is already the venue; exactly one is allowed)");
}

TEST(GatewaySettings, RefusesTwoMarketDataSessions) {
  const std::string secondFeed = replaced(kFeed, "TargetCompID=FEED", "TargetCompID=FEED2");
  const std::string error = errorOf(valid() + kFeed + secondFeed);
  EXPECT_NE(error.find("[FIX.4.4:GATEWAY->FEED2] GatewayRole: a second marketdata session"),
            std::string::npos)
      << error;
}

TEST(GatewaySettings, RefusesAnUnknownOrMissingRole) {
  EXPECT_EQ(errorOf(replaced(valid(), "GatewayRole=venue", "GatewayRole=exchange")),
            "<settings text>: [FIX.4.4:GATEWAY->VENUE] GatewayRole: unknown role 'exchange' "
            "(client, venue or marketdata)");
  EXPECT_EQ(errorOf(replaced(valid(), "GatewayRole=venue\n", "")),
            "<settings text>: [FIX.4.4:GATEWAY->VENUE] GatewayRole: missing (client, venue or "
            "marketdata)");
}

TEST(GatewaySettings, RefusesSettingsWithoutVenue) {
  EXPECT_EQ(errorOf(std::string(kDefaults) + kClient1),
            "<settings text>: no session has GatewayRole=venue (exactly one venue initiator is "
            "needed)");
}

TEST(GatewaySettings, RefusesARoleOnTheWrongConnectionType) {
  const std::string error =
      errorOf(replaced(valid(), "ConnectionType=initiator", "ConnectionType=acceptor"));
  EXPECT_NE(error.find("[FIX.4.4:GATEWAY->VENUE] ConnectionType: must be initiator for "
                       "GatewayRole=venue (found 'acceptor')"),
            std::string::npos)
      << error;
}

TEST(GatewaySettings, RefusesMissingPortsHostsAndHeartbeats) {
  EXPECT_NE(errorOf(replaced(valid(), "SocketConnectPort=9881\n", ""))
                .find("[FIX.4.4:GATEWAY->VENUE] SocketConnectPort: missing or not a port"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "SocketConnectHost=127.0.0.1\n", ""))
                .find("[FIX.4.4:GATEWAY->VENUE] SocketConnectHost: missing"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "SocketAcceptPort=9880\n", "SocketAcceptPort=http\n"))
                .find("[FIX.4.4:BROKER->CLIENT1] SocketAcceptPort: missing or not a port"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "HeartBtInt=30\n", "HeartBtInt=0\n"))
                .find("[FIX.4.4:GATEWAY->VENUE] HeartBtInt: missing or not a positive number"),
            std::string::npos);
}

TEST(GatewaySettings, RefusesAMissingDictionaryAndRefreshOnLogonN) {
  EXPECT_NE(errorOf(replaced(valid(), GATEWAY_FIX_DICTIONARY, "no-such-dictionary.xml"))
                .find("DataDictionary: file not found: no-such-dictionary.xml"),
            std::string::npos);
  EXPECT_NE(errorOf(replaced(valid(), "Password=beta-secret\n",
                             "Password=beta-secret\nRefreshOnLogon=N\n"))
                .find("[FIX.4.4:BROKER->CLIENT2] RefreshOnLogon: must be Y on client sessions"),
            std::string::npos);
}

TEST(GatewaySettings, RefusesAnotherFixVersion) {
  EXPECT_NE(errorOf(replaced(valid(), "BeginString=FIX.4.4", "BeginString=FIX.4.2"))
                .find("BeginString: must be FIX.4.4"),
            std::string::npos);
}

TEST(GatewaySettings, NamesTheFileInErrors) {
  const std::string path = ::testing::TempDir() + "gateway_settings_test.cfg";
  {
    std::ofstream file(path);
    file << replaced(valid(), "Password=alpha-secret\n", "");
  }
  FixEngineOptions options;
  options.settingsPath = path;
  GatewaySettings settings;
  std::string error;
  EXPECT_FALSE(loadGatewaySettings(options, settings, error));
  EXPECT_EQ(error.find(path + ": [FIX.4.4:BROKER->CLIENT1] Password: "), 0u) << error;

  options.settingsPath = path + ".missing";
  EXPECT_FALSE(loadGatewaySettings(options, settings, error));
  EXPECT_EQ(error.find(path + ".missing: "), 0u) << error;
}

TEST(GatewaySettings, LoadsTheShippedFile) {
  FixEngineOptions options;
  options.settingsPath = GATEWAY_CFG_PATH;
  GatewaySettings settings;
  std::string error;
  ASSERT_TRUE(loadGatewaySettings(options, settings, error)) << error;
  ASSERT_EQ(settings.clients.size(), 2u);
  EXPECT_EQ(settings.clients[0].config.name, "BROKER->CLIENT1");
  EXPECT_EQ(settings.clients[0].config.accounts, std::vector<std::string>{"ACC-ALPHA"});
  EXPECT_EQ(settings.clients[1].config.name, "BROKER->CLIENT2");
  EXPECT_EQ(settings.clients[1].config.accounts, std::vector<std::string>{"ACC-BETA"});
  EXPECT_EQ(settings.venue.toString(), "FIX.4.4:GATEWAY->VENUE");
  // The relative DataDictionary path names a file from any working directory (ctest runs in the
  // build tree): used as given or resolved against the settings file's folders.
  const std::string dictionary = settings.quickfix.get(settings.venue).getString("DataDictionary");
  EXPECT_TRUE(std::ifstream(dictionary).good()) << dictionary;
}

TEST(GatewaySettings, TheShippedFileBuildsAnEngine) {
  FixEngineOptions options;
  options.settingsPath = GATEWAY_CFG_PATH;
  std::string error;
  std::unique_ptr<FixEngine> engine = FixEngine::create(options, error);  // loads the dictionary
  ASSERT_NE(engine, nullptr) << error;
  EXPECT_EQ(engine->clientSessions().size(), 2u);
  SequenceNumbers numbers;
  ASSERT_TRUE(engine->sequenceNumbers("BROKER", "CLIENT2", numbers));
  EXPECT_EQ(numbers.nextSender, 1);
  EXPECT_EQ(numbers.nextTarget, 1);
}

TEST(FixEngine, CreateReportsSettingsErrors) {
  FixEngineOptions options;
  options.settingsText = "[DEFAULT]\nBeginString=FIX.4.4\n";
  std::string error;
  EXPECT_EQ(FixEngine::create(options, error), nullptr);
  EXPECT_EQ(error, "<settings text>: no [SESSION] section");
}

TEST(AccountList, ParsesAndValidatesIds) {
  std::vector<std::string> accounts;
  std::string problem;
  ASSERT_TRUE(parseAccountList(" A.1 ,b_2,C-3 ", accounts, problem)) << problem;
  EXPECT_EQ(accounts, (std::vector<std::string>{"A.1", "b_2", "C-3"}));
  EXPECT_FALSE(parseAccountList("", accounts, problem));
  EXPECT_TRUE(isValidAccountId("123456789012345678901234"));
  EXPECT_FALSE(isValidAccountId("1234567890123456789012345"));
  EXPECT_FALSE(isValidAccountId("a/b"));
}

}  // namespace
}  // namespace fix
}  // namespace gateway
