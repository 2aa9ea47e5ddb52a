#include "tools/calllog/calllog_options.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "tests/tools/calllog/calllog_test_support.h"

namespace calllog {
namespace {

struct Parsed {
  OptionsStatus status;
  CalllogOptions options;
  std::string help;
  std::string error;
};

Parsed parse(std::vector<const char*> args) {
  args.insert(args.begin(), "calllog");
  Parsed parsed;
  std::ostringstream help;
  parsed.status = parseCalllogOptions(static_cast<int>(args.size()), args.data(), parsed.options, help, parsed.error);
  parsed.help = help.str();
  return parsed;
}

TEST(CalllogOptionsTest, ListWithEveryFilter) {
  const Parsed p = parse({"list", "--account", "ACC-ALPHA", "--account=ACC-BETA", "--from", "2026-11-24", "--to",
                          "2026-11-24T12:00:00.000Z", "--outcome", "cured", "--status", "closed", "--format", "csv"});
  ASSERT_EQ(p.status, OptionsStatus::kRun) << p.error;
  EXPECT_EQ(p.options.command, "list");
  EXPECT_EQ(p.options.dbPath, "data/gateway.db");
  EXPECT_EQ(p.options.format, Format::kCsv);
  EXPECT_EQ(p.options.filter.accounts, (std::vector<std::string>{"ACC-ALPHA", "ACC-BETA"}));
  EXPECT_EQ(p.options.filter.fromNs, calllog_test::kDay);
  EXPECT_EQ(p.options.filter.toNs, calllog_test::at(12, 0, 0));
  EXPECT_EQ(p.options.filter.outcome, "cured");
  EXPECT_EQ(p.options.filter.status, "closed");
}

TEST(CalllogOptionsTest, DbMayComeBeforeOrAfterTheCommand) {
  Parsed p = parse({"--db", "/var/gw.db", "list"});
  ASSERT_EQ(p.status, OptionsStatus::kRun) << p.error;
  EXPECT_EQ(p.options.dbPath, "/var/gw.db");
  EXPECT_EQ(p.options.format, Format::kTable);
  p = parse({"show", "MC-7", "--db", "/var/gw.db", "--format", "json"});
  ASSERT_EQ(p.status, OptionsStatus::kRun) << p.error;
  EXPECT_EQ(p.options.dbPath, "/var/gw.db");
  EXPECT_EQ(p.options.callId, "MC-7");
  EXPECT_EQ(p.options.format, Format::kJson);
}

TEST(CalllogOptionsTest, EachCommandHasItsDefaults) {
  EXPECT_EQ(parse({"show", "MC-1"}).options.format, Format::kText);
  const Parsed daily = parse({"daily", "--date", "2026-11-24"});
  ASSERT_EQ(daily.status, OptionsStatus::kRun) << daily.error;
  EXPECT_EQ(daily.options.date, "2026-11-24");
  EXPECT_EQ(daily.options.format, Format::kTable);
  const Parsed exported = parse({"export", "--format", "json", "-o", "calls.json", "--status", "open"});
  ASSERT_EQ(exported.status, OptionsStatus::kRun) << exported.error;
  EXPECT_EQ(exported.options.outputPath, "calls.json");
  EXPECT_EQ(exported.options.filter.status, "open");
  EXPECT_EQ(parse({"verify"}).status, OptionsStatus::kRun);
}

TEST(CalllogOptionsTest, HelpForTheToolAndForEachCommand) {
  Parsed p = parse({"--help"});
  EXPECT_EQ(p.status, OptionsStatus::kHelp);
  for (const char* word : {"list", "show", "daily", "export", "verify", "--db", "Exit codes"}) {
    EXPECT_NE(p.help.find(word), std::string::npos) << word;
  }
  p = parse({"list", "--help"});
  EXPECT_EQ(p.status, OptionsStatus::kHelp);
  for (const char* word : {"calllog list", "--account", "--from", "--to", "--outcome", "--status", "--format", "--db"}) {
    EXPECT_NE(p.help.find(word), std::string::npos) << word;
  }
  p = parse({"export", "-h"});
  EXPECT_EQ(p.status, OptionsStatus::kHelp);
  EXPECT_NE(p.help.find("--output"), std::string::npos);
}

TEST(CalllogOptionsTest, RefusesBadUsageWithAReason) {
  const std::vector<std::pair<std::vector<const char*>, std::string>> cases{
      {{}, "no command"},
      {{"lsit"}, "unknown command 'lsit'"},
      {{"list", "--format", "xml"}, "--format xml"},
      {{"show", "--format", "csv", "MC-1"}, "--format csv"},
      {{"daily", "--format", "text"}, "--format text"},
      {{"show"}, "call id"},
      {{"list", "--from", "yesterday"}, "--from yesterday"},
      {{"list", "--from", "2026-11-25", "--to", "2026-11-24"}, "after --to"},
      {{"list", "--status", "cured"}, "--status cured"},
      {{"list", "--bogus"}, "bogus"},
      {{"daily", "--date", "2026-11-31"}, "--date 2026-11-31"},
      {{"export"}, "format"},
      {{"export", "--format", "table"}, "--format table"},
      {{"list", "--db", ""}, "--db"},
  };
  for (const auto& [args, expected] : cases) {
    const Parsed p = parse(args);
    EXPECT_EQ(p.status, OptionsStatus::kError) << expected;
    EXPECT_NE(p.error.find(expected), std::string::npos) << "error: " << p.error << "; expected: " << expected;
  }
}

}  // namespace
}  // namespace calllog
