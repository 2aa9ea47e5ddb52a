// Scenario files: accepted forms and every refusal names file:line and the problem.

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tools/venue_sim/scenario_file.h"

namespace venue_sim {
namespace {

std::vector<ScenarioRow> parse(const std::string& text) {
  std::istringstream input(text);
  return parseScenario(input, "prices.csv");
}

std::string errorOf(const std::string& text) {
  try {
    parse(text);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ScenarioFileTest, ParsesHeaderCommentsAndUnchangedFields) {
  const std::vector<ScenarioRow> rows = parse(
      "# a comment\n"
      "offset_ms,symbol,bid,ask,last\n"
      "\n"
      "0,AAPL,190.10,190.20,190.15\n"
      "  # indented comment\n"
      "250, AAPL ,,190.30,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].offsetMs, 0);
  EXPECT_EQ(rows[0].update.changes.bid, 19010000000);
  EXPECT_EQ(rows[1].offsetMs, 250);
  EXPECT_EQ(rows[1].update.symbol, "AAPL");
  EXPECT_FALSE(rows[1].update.changes.hasBid);
  EXPECT_TRUE(rows[1].update.changes.hasAsk);
  EXPECT_EQ(rows[1].update.changes.ask, 19030000000);
  EXPECT_FALSE(rows[1].update.changes.hasLast);
  EXPECT_EQ(rows[1].line, 6);
}

TEST(ScenarioFileTest, RefusesBadLinesWithFileAndLine) {
  EXPECT_EQ(errorOf("0,AAPL,1,2\n"), "prices.csv:1: expected 5 fields (offset_ms,symbol,bid,ask,last), found 4");
  EXPECT_EQ(errorOf("offset_ms,symbol,bid,ask,last\nx,AAPL,1,2,1.5\n"),
            "prices.csv:2: offset_ms 'x' is not a whole number of milliseconds");
  EXPECT_EQ(errorOf("-5,AAPL,1,2,1.5\n"), "prices.csv:1: offset_ms '-5' is not a whole number of milliseconds");
  EXPECT_EQ(errorOf("100,AAPL,1,2,1.5\n50,AAPL,1,2,1.5\n"),
            "prices.csv:2: offset_ms 50 is before the previous row's 100");
  EXPECT_EQ(errorOf("0,,1,2,1.5\n"), "prices.csv:1: symbol is empty");
  EXPECT_EQ(errorOf("0,AAPL,1e3,2,1.5\n"),
            "prices.csv:1: bid '1e3' is not a decimal with at most 8 places (digits, one '.', optional '-')");
  EXPECT_EQ(errorOf("0,AAPL,1,0.000000001,1\n"),
            "prices.csv:1: ask '0.000000001' is not a decimal with at most 8 places (digits, one '.', optional '-')");
  EXPECT_EQ(errorOf("0,AAPL,1,2,0\n"), "prices.csv:1: last '0' must be positive");
  EXPECT_EQ(errorOf("0,AAPL,,,\n"), "prices.csv:1: bid, ask and last are all empty: the row changes nothing");
  EXPECT_EQ(errorOf("0,AAPL,2,1,1.5\n"), "prices.csv:1: crossed or locked market for AAPL: bid 2 is not below ask 1");
  EXPECT_EQ(errorOf("0,AAPL,1,2,1.5\n10,AAPL,2,,\n"),
            "prices.csv:2: crossed or locked market for AAPL: bid 2 is not below ask 2");
  EXPECT_EQ(errorOf("offset_ms,symbol,bid,ask\n"), "prices.csv:1: header must be exactly 'offset_ms,symbol,bid,ask,last'");
  EXPECT_EQ(errorOf("# only a comment\n"), "prices.csv: no scenario rows");
}

TEST(ScenarioFileTest, ShippedExampleScenarioLoads) {
  const std::vector<ScenarioRow> rows = loadScenarioFile(VENUE_SIM_EXAMPLE_SCENARIO);
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows.back().offsetMs, 12000);
  EXPECT_EQ(rows.back().update.symbol, "MSFT");
  EXPECT_FALSE(rows.back().update.changes.hasBid);
}

TEST(ScenarioFileTest, MissingFileIsRefused) {
  try {
    loadScenarioFile("/nonexistent/prices.csv");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), "/nonexistent/prices.csv: cannot open the scenario file");
  }
}

}  // namespace
}  // namespace venue_sim
