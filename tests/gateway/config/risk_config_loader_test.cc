#include "gateway/config/risk_config_loader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace gateway::config {
namespace {

using risk::Duration;

const std::string kFile = "test-risk.toml";

// A small valid configuration; each test breaks one thing in it.
constexpr std::string_view kValid = R"(
[defaults]
warning_enter = "1.10"
warning_exit = "1.15"
liquidation_floor = "0.80"
call_grace_seconds = 3600
escalation_step = "1000"

[[instrument]]
symbol = "ESZ6"
currency = "USD"
multiplier = "50"
tick_size = "0.25"
lot_size = "1"
max_order_quantity = "500"
max_order_notional = "100000000"
price_collar_percent = "5"
mark_stale_after_ms = 5000
liquidation_piece = "10"
tiers = [
  { floor = "0", initial_rate = "0.10", maintenance_rate = "0.05" },
  { floor = "5000000", initial_rate = "0.15", maintenance_rate = "0.08" },
]

[[account]]
id = "ACC-ALPHA"
currency = "USD"
cash = "1000000"
)";

// An instrument and an account to append, for duplicate checks.
constexpr std::string_view kSecondInstrument = R"(
[[instrument]]
symbol = "AAPL"
currency = "USD"
multiplier = 1
tick_size = "0.01"
lot_size = "1"
max_order_quantity = "10000"
max_order_notional = "5000000"
price_collar_percent = "10"
mark_stale_after_ms = 5000
liquidation_piece = "500"
tiers = [{ floor = "0", initial_rate = "0.50", maintenance_rate = "0.25" }]
)";

constexpr std::string_view kSecondAccount = R"(
[[account]]
id = "ACC-BETA"
currency = "USD"
cash = "250000"
)";

// kValid with the first occurrence of `from` replaced by `to`.
std::string validWith(std::string_view from, std::string_view to) {
  std::string text(kValid);
  const std::size_t at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "the test text has no " << from;
    return text;
  }
  return text.replace(at, from.size(), to);
}

RiskConfigLoad load(std::string_view text) { return loadRiskConfigText(text, kFile); }

std::string listed(const std::vector<ConfigError>& errors) {
  std::string text;
  for (const ConfigError& error : errors) text += "\n  " + error.toString();
  return errors.empty() ? "\n  (no errors)" : text;
}

// The load was refused with an error at `key` whose problem mentions `problemPart`.
testing::AssertionResult refusedWith(const RiskConfigLoad& result, std::string_view key,
                                     std::string_view problemPart) {
  if (result.config) return testing::AssertionFailure() << "the configuration was accepted";
  for (const ConfigError& error : result.errors) {
    if (error.file == kFile && error.key == key && error.problem.find(problemPart) != std::string::npos) {
      return testing::AssertionSuccess();
    }
  }
  return testing::AssertionFailure() << "no error at " << key << " mentioning \"" << problemPart
                                     << "\"; errors:" << listed(result.errors);
}

testing::AssertionResult accepted(const RiskConfigLoad& result) {
  if (result.config && result.errors.empty()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "refused:" << listed(result.errors);
}

const risk::Instrument* findInstrument(const risk::RiskConfig& config, std::string_view symbol) {
  for (const risk::Instrument& instrument : config.instruments) {
    if (instrument.symbol == symbol) return &instrument;
  }
  return nullptr;
}

const risk::AccountConfig* findAccount(const risk::RiskConfig& config, std::string_view id) {
  for (const risk::AccountConfig& account : config.accounts) {
    if (account.id == id) return &account;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The shipped file

TEST(RiskConfigLoaderTest, ShippedFileLoadsWithExactValues) {
  const RiskConfigLoad result = loadRiskConfigFile(RISK_TOML_PATH);
  ASSERT_TRUE(accepted(result));
  const risk::RiskConfig& config = *result.config;

  const risk::Thresholds& defaults = config.defaultThresholds;
  EXPECT_EQ(defaults.warningEnter.raw(), 110'000'000);     // 1.10
  EXPECT_EQ(defaults.warningExit.raw(), 115'000'000);      // 1.15
  EXPECT_EQ(defaults.liquidationFloor.raw(), 80'000'000);  // 0.80
  EXPECT_EQ(defaults.callGracePeriod, Duration::fromSeconds(3600));
  EXPECT_EQ(defaults.escalationStep.raw(), 100'000'000'000);  // 1000

  ASSERT_EQ(config.instruments.size(), 3u);
  EXPECT_EQ(config.instruments[0].symbol, "ESZ6");  // file order is kept
  EXPECT_EQ(config.instruments[1].symbol, "AAPL");
  EXPECT_EQ(config.instruments[2].symbol, "BTC-PERP");

  const risk::Instrument& es = config.instruments[0];
  EXPECT_EQ(es.currency, "USD");
  EXPECT_EQ(es.multiplier.raw(), 5'000'000'000);                 // 50
  EXPECT_EQ(es.tickSize.raw(), 25'000'000);                      // 0.25
  EXPECT_EQ(es.lotSize.raw(), 100'000'000);                      // 1
  EXPECT_EQ(es.maxOrderQuantity.raw(), 50'000'000'000);          // 500
  EXPECT_EQ(es.maxOrderNotional.raw(), 10'000'000'000'000'000);  // 100,000,000
  EXPECT_EQ(es.priceCollarPercent.raw(), 500'000'000);           // 5
  EXPECT_EQ(es.markStaleAfter, Duration::fromMillis(5000));
  EXPECT_EQ(es.liquidationPiece.raw(), 1'000'000'000);  // 10
  const std::vector<risk::MarginTier>& esTiers = es.tiers.tiers();
  ASSERT_EQ(esTiers.size(), 3u);
  EXPECT_EQ(esTiers[0].floor.raw(), 0);
  EXPECT_EQ(esTiers[0].initialRate.raw(), 10'000'000);       // 0.10
  EXPECT_EQ(esTiers[0].maintenanceRate.raw(), 5'000'000);    // 0.05
  EXPECT_EQ(esTiers[1].floor.raw(), 500'000'000'000'000);    // 5,000,000
  EXPECT_EQ(esTiers[1].initialRate.raw(), 15'000'000);       // 0.15
  EXPECT_EQ(esTiers[1].maintenanceRate.raw(), 8'000'000);    // 0.08
  EXPECT_EQ(esTiers[2].floor.raw(), 2'000'000'000'000'000);  // 20,000,000
  EXPECT_EQ(esTiers[2].initialRate.raw(), 25'000'000);       // 0.25
  EXPECT_EQ(esTiers[2].maintenanceRate.raw(), 15'000'000);   // 0.15

  const risk::Instrument& aapl = config.instruments[1];
  EXPECT_EQ(aapl.currency, "USD");
  EXPECT_EQ(aapl.multiplier.raw(), 100'000'000);  // 1
  EXPECT_EQ(aapl.tickSize.raw(), 1'000'000);      // 0.01
  EXPECT_EQ(aapl.lotSize.raw(), 100'000'000);     // 1
  ASSERT_EQ(aapl.tiers.tiers().size(), 1u);
  EXPECT_EQ(aapl.tiers.tiers()[0].floor.raw(), 0);
  EXPECT_EQ(aapl.tiers.tiers()[0].initialRate.raw(), 50'000'000);      // 0.50 (Reg T)
  EXPECT_EQ(aapl.tiers.tiers()[0].maintenanceRate.raw(), 25'000'000);  // 0.25 (FINRA)

  const risk::Instrument& btc = config.instruments[2];
  EXPECT_EQ(btc.currency, "USD");
  EXPECT_EQ(btc.multiplier.raw(), 100'000'000);  // 1
  EXPECT_EQ(btc.tickSize.raw(), 50'000'000);     // 0.5
  EXPECT_EQ(btc.lotSize.raw(), 100'000);         // 0.001
  EXPECT_EQ(btc.liquidationPiece.raw() % btc.lotSize.raw(), 0);
  ASSERT_EQ(btc.tiers.tiers().size(), 2u);
  EXPECT_EQ(btc.tiers.tiers()[0].floor.raw(), 0);

  ASSERT_EQ(config.accounts.size(), 2u);
  const risk::AccountConfig& alpha = config.accounts[0];
  EXPECT_EQ(alpha.id, "ACC-ALPHA");
  EXPECT_EQ(alpha.currency, "USD");
  EXPECT_EQ(alpha.cash.raw(), 100'000'000'000'000);     // 1,000,000
  EXPECT_EQ(alpha.houseMultiplier.raw(), 100'000'000);  // default 1
  EXPECT_EQ(alpha.thresholds.warningEnter, defaults.warningEnter);
  EXPECT_EQ(alpha.thresholds.callGracePeriod, defaults.callGracePeriod);

  const risk::AccountConfig& beta = config.accounts[1];
  EXPECT_EQ(beta.id, "ACC-BETA");
  EXPECT_EQ(beta.cash.raw(), 25'000'000'000'000);      // 250,000
  EXPECT_EQ(beta.houseMultiplier.raw(), 150'000'000);  // 1.5
  EXPECT_EQ(beta.thresholds.callGracePeriod, Duration::fromSeconds(1800));
  EXPECT_EQ(beta.thresholds.warningEnter, defaults.warningEnter);  // not overridden
  EXPECT_EQ(beta.thresholds.escalationStep, defaults.escalationStep);
}

// ---------------------------------------------------------------------------------------------
// Valid variations

TEST(RiskConfigLoaderTest, SmallValidConfigurationLoads) {
  const RiskConfigLoad result = load(kValid);
  ASSERT_TRUE(accepted(result));
  EXPECT_EQ(findInstrument(*result.config, "ESZ6")->tiers.tiers().size(), 2u);
  EXPECT_EQ(findAccount(*result.config, "ACC-ALPHA")->cash.raw(), 100'000'000'000'000);
}

TEST(RiskConfigLoaderTest, DefaultsSectionAndItsKeysAreOptional) {
  std::string text(kValid);
  text.erase(text.find("[defaults]"), text.find("[[instrument]]") - text.find("[defaults]"));
  const RiskConfigLoad result = load(text);
  ASSERT_TRUE(accepted(result));
  const risk::Thresholds builtIn;
  EXPECT_EQ(result.config->defaultThresholds.warningEnter, builtIn.warningEnter);
  EXPECT_EQ(result.config->defaultThresholds.callGracePeriod, builtIn.callGracePeriod);

  const RiskConfigLoad partial = load(validWith("warning_exit = \"1.15\"\n", "warning_exit = \"1.30\"\n"));
  ASSERT_TRUE(accepted(partial));
  EXPECT_EQ(partial.config->defaultThresholds.warningExit.raw(), 130'000'000);
  EXPECT_EQ(partial.config->defaultThresholds.warningEnter.raw(), 110'000'000);
}

TEST(RiskConfigLoaderTest, IntegersAreAcceptedWhereADecimalIsExpected) {
  const RiskConfigLoad result = load(validWith("multiplier = \"50\"", "multiplier = 50"));
  ASSERT_TRUE(accepted(result));
  EXPECT_EQ(result.config->instruments[0].multiplier.raw(), 5'000'000'000);

  const RiskConfigLoad cash = load(validWith("cash = \"1000000\"", "cash = 1000000"));
  ASSERT_TRUE(accepted(cash));
  EXPECT_EQ(cash.config->accounts[0].cash.raw(), 100'000'000'000'000);
}

TEST(RiskConfigLoaderTest, TiersMayBeWrittenAsArrayOfTables) {
  std::string text(kValid);
  const std::size_t begin = text.find("tiers = [");
  const std::size_t end = text.find("]\n", text.find("maintenance_rate = \"0.08\"")) + 2;
  text.replace(begin, end - begin, "");
  text.replace(
      text.find("[[account]]"), 0,
      "[[instrument.tiers]]\nfloor = \"0\"\ninitial_rate = \"0.10\"\nmaintenance_rate = \"0.05\"\n\n");
  const RiskConfigLoad result = load(text);
  ASSERT_TRUE(accepted(result));
  EXPECT_EQ(result.config->instruments[0].tiers.tiers().size(), 1u);
}

TEST(RiskConfigLoaderTest, ZeroCashIsAllowed) {
  const RiskConfigLoad result = load(validWith("cash = \"1000000\"", "cash = \"0\""));
  ASSERT_TRUE(accepted(result));
  EXPECT_TRUE(result.config->accounts[0].cash.isZero());
}

TEST(RiskConfigLoaderTest, AccountCurrencyNeedNotMatchAnInstrument) {
  ASSERT_TRUE(accepted(load(validWith("currency = \"USD\"\ncash", "currency = \"CHF\"\ncash"))));
}

TEST(RiskConfigLoaderTest, AccountThresholdsOverrideTheDefaults) {
  std::string text(kValid);
  text +=
      "house_multiplier = \"1.5\"\n\n[account.thresholds]\ncall_grace_seconds = 1800\nwarning_enter = "
      "\"1.12\"\n";
  const RiskConfigLoad result = load(text);
  ASSERT_TRUE(accepted(result));
  const risk::AccountConfig& account = result.config->accounts[0];
  EXPECT_EQ(account.houseMultiplier.raw(), 150'000'000);
  EXPECT_EQ(account.thresholds.callGracePeriod, Duration::fromSeconds(1800));
  EXPECT_EQ(account.thresholds.warningEnter.raw(), 112'000'000);
  EXPECT_EQ(account.thresholds.warningExit.raw(), 115'000'000);  // from [defaults]
  EXPECT_EQ(result.config->defaultThresholds.callGracePeriod, Duration::fromSeconds(3600));
}

// ---------------------------------------------------------------------------------------------
// Errors: format and collection

TEST(RiskConfigLoaderTest, ErrorTextNamesFileKeyAndProblem) {
  const ConfigError error{"fix-config/risk.toml", "instrument[ESZ6].tiers[1].maintenance_rate",
                          "maintenance rate is above the initial rate"};
  EXPECT_EQ(error.toString(),
            "fix-config/risk.toml: instrument[ESZ6].tiers[1].maintenance_rate: maintenance rate is above the "
            "initial rate");
  EXPECT_EQ((ConfigError{"risk.toml", "", "cannot read"}).toString(), "risk.toml: cannot read");
}

TEST(RiskConfigLoaderTest, CollectsEveryError) {
  std::string text = validWith("tick_size = \"0.25\"", "tick_size = \"-0.25\"");
  text.replace(text.find("cash = \"1000000\""), 16, "cash = \"-1\"");
  text.replace(text.find("warning_enter = \"1.10\""), 22, "warning_enter = 1.1");
  const RiskConfigLoad result = load(text);
  EXPECT_TRUE(refusedWith(result, "instrument[ESZ6].tick_size", "must be greater than 0 (found -0.25)"));
  EXPECT_TRUE(refusedWith(result, "account[ACC-ALPHA].cash", "must not be negative"));
  EXPECT_TRUE(refusedWith(result, "defaults.warning_enter", "TOML float"));
  EXPECT_EQ(result.errors.size(), 3u) << listed(result.errors);
}

// ---------------------------------------------------------------------------------------------
// Errors: keys and types

TEST(RiskConfigLoaderTest, MissingKeyIsRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("tick_size = \"0.25\"\n", "")), "instrument[ESZ6].tick_size",
                          "required key is missing"));
  EXPECT_TRUE(refusedWith(load(validWith("cash = \"1000000\"\n", "")), "account[ACC-ALPHA].cash",
                          "required key is missing"));
  EXPECT_TRUE(refusedWith(
      load(validWith("{ floor = \"0\", initial_rate = \"0.10\", ", "{ initial_rate = \"0.10\", ")),
      "instrument[ESZ6].tiers[0].floor", "required key is missing"));
}

TEST(RiskConfigLoaderTest, MissingSymbolNamesTheInstrumentByIndex) {
  const RiskConfigLoad result = load(validWith("symbol = \"ESZ6\"\n", ""));
  EXPECT_TRUE(refusedWith(result, "instrument[0].symbol", "required key is missing"));
  const RiskConfigLoad bad = load(validWith("symbol = \"ESZ6\"\n", "symbol = \"ES Z6\"\ntick = 1\n"));
  EXPECT_TRUE(refusedWith(bad, "instrument[0].symbol", "is not a valid symbol"));
  EXPECT_TRUE(refusedWith(bad, "instrument[0].tick", "unknown key"));
}

TEST(RiskConfigLoaderTest, MissingSectionsAreRefused) {
  EXPECT_TRUE(refusedWith(load(""), "instrument", "at least one [[instrument]] table is required"));
  EXPECT_TRUE(refusedWith(load(""), "account", "at least one [[account]] table is required"));
  EXPECT_TRUE(refusedWith(load("instrument = []\naccount = []\n"), "instrument", "at least one"));
  EXPECT_TRUE(
      refusedWith(load("[instrument]\nsymbol = \"X\"\n"), "instrument", "expected an array of tables"));
  EXPECT_TRUE(refusedWith(load("defaults = 3\n"), "defaults", "expected a table, found an integer"));
}

TEST(RiskConfigLoaderTest, TomlFloatIsRefusedWithAdviceToQuote) {
  const RiskConfigLoad result = load(validWith("tick_size = \"0.25\"", "tick_size = 0.25"));
  EXPECT_TRUE(refusedWith(result, "instrument[ESZ6].tick_size", "is a TOML float (0.25)"));
  EXPECT_TRUE(refusedWith(result, "instrument[ESZ6].tick_size", "quoted string, e.g. \"0.25\""));
  EXPECT_TRUE(refusedWith(load(validWith("multiplier = \"50\"", "multiplier = 50.0")),
                          "instrument[ESZ6].multiplier", "TOML float (50.0)"));
  EXPECT_TRUE(refusedWith(load(validWith("initial_rate = \"0.15\"", "initial_rate = 0.15")),
                          "instrument[ESZ6].tiers[1].initial_rate", "TOML float"));
}

TEST(RiskConfigLoaderTest, WrongTypesAreRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("mark_stale_after_ms = 5000", "mark_stale_after_ms = \"5000\"")),
                          "instrument[ESZ6].mark_stale_after_ms", "expected an integer, found a string"));
  EXPECT_TRUE(refusedWith(load(validWith("call_grace_seconds = 3600", "call_grace_seconds = 3600.0")),
                          "defaults.call_grace_seconds", "expected an integer, found a TOML float"));
  EXPECT_TRUE(refusedWith(load(validWith("lot_size = \"1\"", "lot_size = true")), "instrument[ESZ6].lot_size",
                          "found a boolean"));
  EXPECT_TRUE(refusedWith(load(validWith("currency = \"USD\"", "currency = 840")),
                          "instrument[ESZ6].currency", "expected a string, found an integer"));
  EXPECT_TRUE(refusedWith(load(validWith("tiers = [", "tiers = 1\nx = [")), "instrument[ESZ6].tiers",
                          "expected an array of tables"));
}

TEST(RiskConfigLoaderTest, UnknownKeysAreRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("tick_size", "tick_sise")), "instrument[ESZ6].tick_sise",
                          "did you mean tick_size?"));
  EXPECT_TRUE(refusedWith(load(validWith("warning_exit", "warning_exits")), "defaults.warning_exits",
                          "did you mean warning_exit?"));
  EXPECT_TRUE(refusedWith(load(std::string(kValid) + "colour = \"blue\"\n"), "account[ACC-ALPHA].colour",
                          "unknown key; expected one of: id, currency, cash"));
  EXPECT_TRUE(refusedWith(load(validWith("initial_rate = \"0.15\"", "initial_rate = \"0.15\", cap = \"1\"")),
                          "instrument[ESZ6].tiers[1].cap", "unknown key"));
  EXPECT_TRUE(refusedWith(load(std::string(kValid) + "[account.thresholds]\ngrace = 10\n"),
                          "account[ACC-ALPHA].thresholds.grace", "unknown key"));
  EXPECT_TRUE(refusedWith(load(validWith("[defaults]", "[defualts]")), "defualts", "did you mean defaults?"));
}

TEST(RiskConfigLoaderTest, BadDecimalStringsAreRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("max_order_quantity = \"500\"", "max_order_quantity = \"1e3\"")),
                          "instrument[ESZ6].max_order_quantity", "\"1e3\" is not a valid decimal: exponent"));
  EXPECT_TRUE(refusedWith(load(validWith("cash = \"1000000\"", "cash = \"abc\"")), "account[ACC-ALPHA].cash",
                          "\"abc\" is not a valid decimal"));
  EXPECT_TRUE(refusedWith(load(validWith("tick_size = \"0.25\"", "tick_size = \"0.000000001\"")),
                          "instrument[ESZ6].tick_size", "more than 8 decimal places"));
  EXPECT_TRUE(refusedWith(load(validWith("cash = \"1000000\"", "cash = \"1,000,000\"")),
                          "account[ACC-ALPHA].cash", "not a valid decimal"));
  EXPECT_TRUE(refusedWith(load(validWith("cash = \"1000000\"", "cash = \"\"")), "account[ACC-ALPHA].cash",
                          "empty decimal"));
  EXPECT_TRUE(refusedWith(load(validWith("cash = \"1000000\"", "cash = \"100000000000\"")),
                          "account[ACC-ALPHA].cash", "magnitude above"));
  EXPECT_TRUE(refusedWith(load(validWith("cash = \"1000000\"", "cash = 100000000000")),
                          "account[ACC-ALPHA].cash", "magnitude above"));
}

TEST(RiskConfigLoaderTest, SyntaxErrorGivesLineAndColumn) {
  // Line 1 of kValid is empty, so tick_size is on line 13.
  const RiskConfigLoad result = load(validWith("tick_size = \"0.25\"", "tick_size = = \"0.25\""));
  ASSERT_FALSE(result.config);
  ASSERT_EQ(result.errors.size(), 1u) << listed(result.errors);
  EXPECT_EQ(result.errors[0].file, kFile);
  EXPECT_EQ(result.errors[0].key, "");
  EXPECT_NE(result.errors[0].problem.find("TOML syntax error at line 13, column 13"), std::string::npos)
      << result.errors[0].problem;

  const RiskConfigLoad duplicateKey =
      load(validWith("lot_size = \"1\"", "lot_size = \"1\"\nlot_size = \"2\""));
  ASSERT_EQ(duplicateKey.errors.size(), 1u) << listed(duplicateKey.errors);
  EXPECT_NE(duplicateKey.errors[0].problem.find("line 15"), std::string::npos)
      << duplicateKey.errors[0].problem;
}

// ---------------------------------------------------------------------------------------------
// Errors: files

TEST(RiskConfigLoaderTest, MissingFileGivesOneErrorNamingIt) {
  const std::string path = "/nonexistent/dir/risk.toml";
  const RiskConfigLoad result = loadRiskConfigFile(path);
  ASSERT_FALSE(result.config);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].file, path);
  EXPECT_NE(result.errors[0].problem.find("cannot open the file: No such file or directory"),
            std::string::npos)
      << result.errors[0].toString();
}

TEST(RiskConfigLoaderTest, DirectoryIsNotAFile) {
  const std::string path = testing::TempDir();
  const RiskConfigLoad result = loadRiskConfigFile(path);
  ASSERT_FALSE(result.config);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].file, path);
  EXPECT_NE(result.errors[0].problem.find("directory"), std::string::npos) << result.errors[0].toString();
}

TEST(RiskConfigLoaderTest, FileErrorsNameThePath) {
  const std::string path = testing::TempDir() + "risk_config_loader_test_bad.toml";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << validWith("lot_size = \"1\"", "lot_size = \"0\"");
  }
  const RiskConfigLoad result = loadRiskConfigFile(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(result.config);
  ASSERT_EQ(result.errors.size(), 1u) << listed(result.errors);
  EXPECT_EQ(result.errors[0].toString(),
            path + ": instrument[ESZ6].lot_size: must be greater than 0 (found 0)");
}

// ---------------------------------------------------------------------------------------------
// Errors: tiers

TEST(RiskConfigLoaderTest, NegativeRateIsRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("maintenance_rate = \"0.05\"", "maintenance_rate = \"-0.05\"")),
                          "instrument[ESZ6].tiers[0].maintenance_rate", "maintenance rate is negative"));
  EXPECT_TRUE(refusedWith(load(validWith("initial_rate = \"0.10\", maintenance_rate = \"0.05\"",
                                         "initial_rate = \"-0.10\", maintenance_rate = \"-0.20\"")),
                          "instrument[ESZ6].tiers[0].initial_rate", "initial rate is negative"));
}

TEST(RiskConfigLoaderTest, MaintenanceAboveInitialIsRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("maintenance_rate = \"0.08\"", "maintenance_rate = \"0.16\"")),
                          "instrument[ESZ6].tiers[1].maintenance_rate",
                          "maintenance rate is above the initial rate"));
}

TEST(RiskConfigLoaderTest, InitialRateAboveOneIsRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("initial_rate = \"0.15\"", "initial_rate = \"1.5\"")),
                          "instrument[ESZ6].tiers[1].initial_rate", "initial rate is above 1"));
}

TEST(RiskConfigLoaderTest, UnsortedFloorsAreRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("floor = \"5000000\"", "floor = \"0\"")),
                          "instrument[ESZ6].tiers[1].floor", "tier floors must be strictly increasing"));
}

TEST(RiskConfigLoaderTest, FirstFloorMustBeZero) {
  EXPECT_TRUE(refusedWith(load(validWith("floor = \"0\"", "floor = \"100\"")),
                          "instrument[ESZ6].tiers[0].floor", "the first tier's floor must be 0"));
}

TEST(RiskConfigLoaderTest, EmptyTierListIsRefused) {
  std::string text(kValid);
  const std::size_t begin = text.find("tiers = [");
  const std::size_t end = text.find("]\n", text.find("maintenance_rate = \"0.08\"")) + 2;
  text.replace(begin, end - begin, "tiers = []\n");
  EXPECT_TRUE(refusedWith(load(text), "instrument[ESZ6].tiers", "at least one tier is required"));
}

TEST(RiskConfigLoaderTest, FallingRateIsRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("initial_rate = \"0.15\", maintenance_rate = \"0.08\"",
                                         "initial_rate = \"0.09\", maintenance_rate = \"0.08\"")),
                          "instrument[ESZ6].tiers[1].initial_rate",
                          "initial rate falls from the previous tier"));
}

// ---------------------------------------------------------------------------------------------
// Errors: instruments

TEST(RiskConfigLoaderTest, DuplicateSymbolIsRefused) {
  std::string second(kSecondInstrument);
  second.replace(second.find("AAPL"), 4, "ESZ6");
  const RiskConfigLoad result = load(std::string(kValid) + second);
  EXPECT_TRUE(refusedWith(result, "instrument[1].symbol",
                          "duplicate symbol \"ESZ6\", already used by instrument[0]"));
  EXPECT_EQ(result.errors.size(), 1u) << listed(result.errors);
  ASSERT_TRUE(accepted(load(std::string(kValid) + std::string(kSecondInstrument))));
}

TEST(RiskConfigLoaderTest, NonPositiveInstrumentNumbersAreRefused) {
  const std::vector<std::string_view> keys = {
      "multiplier", "tick_size", "lot_size", "max_order_quantity", "max_order_notional", "liquidation_piece"};
  for (const std::string_view key : keys) {
    std::string text(kValid);
    const std::size_t line = text.find(std::string(key) + " = ");
    const std::size_t end = text.find('\n', line);
    for (const std::string_view value : {"\"0\"", "\"-1\"", "0"}) {
      std::string broken = text;
      broken.replace(line, end - line, std::string(key) + " = " + std::string(value));
      EXPECT_TRUE(refusedWith(load(broken), "instrument[ESZ6]." + std::string(key), "must be greater than 0"))
          << key << " = " << value;
    }
  }
}

TEST(RiskConfigLoaderTest, MaxOrderQuantityNeedNotBeAMultipleOfTheLot) {
  std::string text = validWith("lot_size = \"1\"", "lot_size = \"5\"");
  text.replace(text.find("max_order_quantity = \"500\""), 26, "max_order_quantity = \"501\"");
  EXPECT_TRUE(accepted(load(text)));
}

TEST(RiskConfigLoaderTest, LiquidationPieceMustBeAMultipleOfTheLot) {
  EXPECT_TRUE(refusedWith(load(validWith("liquidation_piece = \"10\"", "liquidation_piece = \"10.5\"")),
                          "instrument[ESZ6].liquidation_piece",
                          "must be a whole multiple of lot_size 1 (found 10.5)"));
}

TEST(RiskConfigLoaderTest, PriceCollarMustBeAboveZeroAndAtMostHundred) {
  for (const std::string_view value : {"\"0\"", "\"-5\"", "\"100.00000001\"", "101"}) {
    EXPECT_TRUE(refusedWith(
        load(validWith("price_collar_percent = \"5\"", "price_collar_percent = " + std::string(value))),
        "instrument[ESZ6].price_collar_percent", "must be above 0 and at most 100"))
        << value;
  }
  EXPECT_TRUE(accepted(load(validWith("price_collar_percent = \"5\"", "price_collar_percent = \"100\""))));
}

TEST(RiskConfigLoaderTest, MarkStalenessMustBePositive) {
  EXPECT_TRUE(refusedWith(load(validWith("mark_stale_after_ms = 5000", "mark_stale_after_ms = 0")),
                          "instrument[ESZ6].mark_stale_after_ms",
                          "must be a whole number from 1 to 86400000"));
  EXPECT_TRUE(refusedWith(load(validWith("mark_stale_after_ms = 5000", "mark_stale_after_ms = 86400001")),
                          "instrument[ESZ6].mark_stale_after_ms", "must be a whole number from 1"));
}

TEST(RiskConfigLoaderTest, CurrencyMustBeThreeCapitalLetters) {
  for (const std::string_view value : {"usd", "US", "USDT", "U$D", ""}) {
    EXPECT_TRUE(
        refusedWith(load(validWith("currency = \"USD\"", "currency = \"" + std::string(value) + "\"")),
                    "instrument[ESZ6].currency", "must be three capital letters"))
        << value;
  }
}

TEST(RiskConfigLoaderTest, SymbolCharactersAndLength) {
  for (const std::string_view symbol : {"BTC/USD", "ES.Z6", "BTC-PERP", "A_1", "ABCDEFGHIJKLMNOPQRSTUVWX"}) {
    EXPECT_TRUE(accepted(load(validWith("symbol = \"ESZ6\"", "symbol = \"" + std::string(symbol) + "\""))))
        << symbol;
  }
  for (const std::string_view symbol : {"", "ES Z6", "ESZ6!", "ABCDEFGHIJKLMNOPQRSTUVWXY", "ÉS"}) {
    EXPECT_TRUE(refusedWith(load(validWith("symbol = \"ESZ6\"", "symbol = \"" + std::string(symbol) + "\"")),
                            "instrument[0].symbol", "is not a valid symbol"))
        << symbol;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors: accounts

TEST(RiskConfigLoaderTest, DuplicateAccountIdIsRefused) {
  std::string second(kSecondAccount);
  second.replace(second.find("ACC-BETA"), 8, "ACC-ALPHA");
  const RiskConfigLoad result = load(std::string(kValid) + second);
  EXPECT_TRUE(
      refusedWith(result, "account[1].id", "duplicate account id \"ACC-ALPHA\", already used by account[0]"));
  ASSERT_TRUE(accepted(load(std::string(kValid) + std::string(kSecondAccount))));
}

TEST(RiskConfigLoaderTest, AccountIdCharacters) {
  EXPECT_TRUE(refusedWith(load(validWith("id = \"ACC-ALPHA\"", "id = \"ACC/ALPHA\"")), "account[0].id",
                          "is not a valid account id"));
  EXPECT_TRUE(accepted(load(validWith("id = \"ACC-ALPHA\"", "id = \"acc_alpha.2\""))));
}

TEST(RiskConfigLoaderTest, NegativeCashIsRefused) {
  EXPECT_TRUE(refusedWith(load(validWith("cash = \"1000000\"", "cash = \"-0.01\"")),
                          "account[ACC-ALPHA].cash", "must not be negative (found -0.01)"));
}

TEST(RiskConfigLoaderTest, HouseMultiplierMustBePositive) {
  for (const std::string_view value : {"\"0\"", "\"-1.5\"", "0"}) {
    EXPECT_TRUE(refusedWith(load(std::string(kValid) + "house_multiplier = " + std::string(value) + "\n"),
                            "account[ACC-ALPHA].house_multiplier", "must be greater than 0"))
        << value;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors: thresholds

TEST(RiskConfigLoaderTest, WarningExitMustBeAboveWarningEnter) {
  EXPECT_TRUE(refusedWith(load(validWith("warning_exit = \"1.15\"", "warning_exit = \"1.10\"")),
                          "defaults.warning_exit", "warning_exit (1.1) must be above warning_enter (1.1)"));
  EXPECT_TRUE(refusedWith(load(validWith("warning_exit = \"1.15\"", "warning_exit = \"1.05\"")),
                          "defaults.warning_exit", "must be above warning_enter"));
}

TEST(RiskConfigLoaderTest, WarningEnterMustBeAtLeastOne) {
  EXPECT_TRUE(refusedWith(load(validWith("warning_enter = \"1.10\"", "warning_enter = \"0.99\"")),
                          "defaults.warning_enter", "must be at least 1"));
  EXPECT_TRUE(accepted(load(validWith("warning_enter = \"1.10\"", "warning_enter = \"1\""))));
}

TEST(RiskConfigLoaderTest, LiquidationFloorMustBeBetweenZeroAndOne) {
  for (const std::string_view value : {"\"0\"", "\"1\"", "\"1.2\"", "\"-0.5\""}) {
    EXPECT_TRUE(refusedWith(
        load(validWith("liquidation_floor = \"0.80\"", "liquidation_floor = " + std::string(value))),
        "defaults.liquidation_floor", "must be above 0 and below 1"))
        << value;
  }
  EXPECT_TRUE(
      accepted(load(validWith("liquidation_floor = \"0.80\"", "liquidation_floor = \"0.99999999\""))));
}

TEST(RiskConfigLoaderTest, CallGraceAndEscalationStepRanges) {
  EXPECT_TRUE(refusedWith(load(validWith("call_grace_seconds = 3600", "call_grace_seconds = 0")),
                          "defaults.call_grace_seconds", "must be a whole number from 1 to 31536000"));
  EXPECT_TRUE(refusedWith(load(validWith("call_grace_seconds = 3600", "call_grace_seconds = -1")),
                          "defaults.call_grace_seconds", "must be a whole number"));
  EXPECT_TRUE(refusedWith(load(validWith("escalation_step = \"1000\"", "escalation_step = \"-1\"")),
                          "defaults.escalation_step", "must not be negative"));
  EXPECT_TRUE(accepted(load(validWith("escalation_step = \"1000\"", "escalation_step = \"0\""))));
}

TEST(RiskConfigLoaderTest, AccountOverridesAreValidatedAgainstTheDefaults) {
  const RiskConfigLoad result =
      load(std::string(kValid) + "[account.thresholds]\nwarning_enter = \"1.20\"\n");
  EXPECT_TRUE(refusedWith(result, "account[ACC-ALPHA].thresholds.warning_enter",
                          "warning_exit (1.15) must be above warning_enter (1.2)"));
  EXPECT_EQ(result.errors.size(), 1u) << listed(result.errors);

  EXPECT_TRUE(refusedWith(load(std::string(kValid) + "[account.thresholds]\nliquidation_floor = \"1\"\n"),
                          "account[ACC-ALPHA].thresholds.liquidation_floor", "must be above 0 and below 1"));
  EXPECT_TRUE(refusedWith(load(std::string(kValid) + "thresholds = 5\n"), "account[ACC-ALPHA].thresholds",
                          "expected a table"));
}

TEST(RiskConfigLoaderTest, DefaultsProblemIsNotRepeatedForEveryAccount) {
  const RiskConfigLoad result =
      load(validWith("warning_exit = \"1.15\"", "warning_exit = \"1.00\"") + std::string(kSecondAccount) +
           "[account.thresholds]\ncall_grace_seconds = 60\n");
  EXPECT_TRUE(refusedWith(result, "defaults.warning_exit", "must be above warning_enter"));
  EXPECT_EQ(result.errors.size(), 1u) << listed(result.errors);
}

}  // namespace
}  // namespace gateway::config
