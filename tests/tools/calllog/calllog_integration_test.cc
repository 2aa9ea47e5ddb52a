// The real calllog executable on a real database written by store::StoreWriter in a temporary
// folder: every command, verify on tampered copies, unreadable files, and reads while another
// connection holds a write transaction (as the gateway does between BEGIN and COMMIT).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/tools/calllog/calllog_test_support.h"
#include "tests/tools/calllog/run_calllog.h"

namespace calllog_test {
namespace {

using Json = nlohmann::json;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

class CalllogTest : public ::testing::Test {
 protected:
  void SetUp() override { writeScenario(db_); }

  CalllogRun run(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db_);
    return runCalllog(args, folder_.file(""));
  }

  TempFolder folder_;
  std::string db_ = folder_.file("gateway.db");
};

TEST_F(CalllogTest, ListShowsOneLinePerCall) {
  const CalllogRun r = run({"list"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::vector<std::string> lines = linesOf(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;  // the heading and three calls
  EXPECT_TRUE(contains(lines[0], "CALL")) << lines[0];
  EXPECT_TRUE(contains(lines[1], "MC-1") && contains(lines[1], "ACC-ALPHA") &&
              contains(lines[1], "2026-11-24T09:30:00.000Z") && contains(lines[1], "55000.12345678") &&
              contains(lines[1], "CLIENT1,CLIENT2") && contains(lines[1], "closed: cured_by_deposit") &&
              contains(lines[1], "deposit") && contains(lines[1], "2026-11-24T09:45:00.001Z"))
      << lines[1];
  EXPECT_TRUE(contains(lines[2], "MC-2") && contains(lines[2], "closed: liquidated") &&
              contains(lines[2], "liquidation"))
      << lines[2];
  EXPECT_TRUE(contains(lines[3], "MC-3") && contains(lines[3], "open")) << lines[3];
}

TEST_F(CalllogTest, ListAsCsvIsRfc4180) {
  const CalllogRun r = run({"list", "--account", "ACC-ALPHA", "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "call_id,account,currency,issued,amount_to_cure,deadline,sessions,status,outcome,manner_met,closed\r\n"
            "MC-1,ACC-ALPHA,USD,2026-11-24T09:30:00.000Z,55000.12345678,2026-11-24T10:30:00.000Z,"
            "\"CLIENT1,CLIENT2\",closed,cured_by_deposit,deposit,2026-11-24T09:45:00.001Z\r\n"
            "MC-3,ACC-ALPHA,USD,2026-11-25T08:00:00.000Z,60000,2026-11-25T09:00:00.000Z,CLIENT1,open,,,\r\n");
}

TEST_F(CalllogTest, ListFiltersByTimeAndOutcomeAsJson) {
  CalllogRun r = run({"list", "--from", "2026-11-24T10:00:00Z", "--to", "2026-11-25", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  Json calls = Json::parse(r.out);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0]["call_id"], "MC-2");
  EXPECT_EQ(calls[0]["amount_to_cure"], "120000");
  EXPECT_EQ(calls[0]["last_amount_to_cure"], "80000");
  EXPECT_TRUE(calls[0]["health"].is_null());
  EXPECT_EQ(calls[0]["trigger"]["kind"], "market_data");
  EXPECT_EQ(calls[0]["trigger"]["price"], "4401.75");
  EXPECT_EQ(calls[0]["issued"], "2026-11-24T11:00:00.000Z");
  EXPECT_EQ(calls[0]["issued_ns"], at(11, 0, 0));

  r = run({"list", "--outcome", "cured", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  calls = Json::parse(r.out);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0]["call_id"], "MC-1");
  EXPECT_EQ(calls[0]["sessions"], Json::array({"CLIENT1", "CLIENT2"}));

  r = run({"list", "--status", "liquidating"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "No margin calls match.\n");
}

TEST_F(CalllogTest, ShowGivesTheSummaryAndTheWholeTimeline) {
  const CalllogRun r = run({"show", "MC-2"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string& out = r.out;
  EXPECT_TRUE(contains(out, "Margin call MC-2 on account ACC-BETA (USD): closed: liquidated")) << out;
  EXPECT_TRUE(contains(out, "market_data ESZ6, price 4401.75, quantity -20")) << out;
  EXPECT_TRUE(contains(out, "amount to cure  120000 USD")) << out;
  EXPECT_TRUE(contains(out, "to CLIENT2")) << out;
  EXPECT_TRUE(contains(out, "1: amount to cure now 80000, deadline now 2026-11-24T11:20:00.000Z")) << out;
  EXPECT_TRUE(contains(out, "1 order, 1 fill")) << out;
  EXPECT_TRUE(contains(out, "2026-11-24T11:20:00.060Z liquidated (manner met: liquidation)")) << out;
  EXPECT_TRUE(contains(out, "Timeline (8 records)")) << out;
  // The liquidation order's records without a call id are there, with the FIX message readable.
  EXPECT_TRUE(contains(out, "#12  2026-11-24T11:20:00.002Z  order_accepted  by gateway  order LIQ-MC-2-1")) << out;
  EXPECT_TRUE(contains(out, "FIX 8=FIX.4.4|35=D|11=LIQ-MC-2-1|10=002|")) << out;
  EXPECT_TRUE(contains(out, "reason=\"below the liquidation floor\" state=LIQUIDATION amount_to_cure=80000 "
                            "deadline=2026-11-24T11:20:00.000Z"))
      << out;
  EXPECT_FALSE(contains(out, "LIQ-MC-20-1")) << out;
  // In seq order.
  EXPECT_LT(out.find("#8 "), out.find("#9 "));
  EXPECT_LT(out.find("#14 "), out.find("#15 "));
}

TEST_F(CalllogTest, ShowAsJsonKeepsTheRawFixMessage) {
  const CalllogRun r = run({"show", "MC-1", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const Json call = Json::parse(r.out);
  EXPECT_EQ(call["call_id"], "MC-1");
  ASSERT_EQ(call["timeline"].size(), 6u);  // records 2 to 7
  const Json& sent = call["timeline"][1];
  EXPECT_EQ(sent["seq"], 3);
  EXPECT_EQ(sent["kind"], "call_sent");
  EXPECT_EQ(sent["actor"], "CLIENT1");
  EXPECT_EQ(sent["fix_message"], mc1CallMessage());
  EXPECT_EQ(sent["detail"]["amount_to_cure"], "55000.12345678");
  EXPECT_EQ(sent["hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(call["timeline"][4]["detail"]["reference"], "WIRE 42, \"urgent\"");
}

TEST_F(CalllogTest, ShowOfAnUnknownCallSaysSo) {
  const CalllogRun r = run({"show", "MC-9"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(contains(r.err, "no margin call MC-9 in " + db_)) << r.err;
}

TEST_F(CalllogTest, DailyRecordHasOneRowPerCallIssuedThatDay) {
  CalllogRun r = run({"daily", "--date", "2026-11-24", "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "call_id,account,currency,amount_required,date_issued,date_met,manner_met\r\n"
            "MC-1,ACC-ALPHA,USD,55000.12345678,2026-11-24,2026-11-24,deposit\r\n"
            "MC-2,ACC-BETA,USD,120000,2026-11-24,,not met: liquidated\r\n");
  r = run({"daily", "--date", "2026-11-25"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Margin calls issued on 2026-11-25 (UTC): 1")) << r.out;
  EXPECT_TRUE(contains(r.out, "MC-3") && contains(r.out, "outstanding")) << r.out;
  r = run({"daily", "--date", "2026-11-26", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(Json::parse(r.out), Json::parse(R"({"date":"2026-11-26","calls":[]})"));
}

TEST_F(CalllogTest, ExportWritesCsvAndJsonWithTimelines) {
  CalllogRun r = run({"export", "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::vector<std::string> lines = linesOf(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;
  EXPECT_EQ(lines[0].rfind("call_id,account,currency,issued,issued_ns,issued_seq,deadline,", 0), 0u) << lines[0];
  EXPECT_TRUE(contains(lines[2], "MC-2,ACC-BETA,USD,2026-11-24T11:00:00.000Z,")) << lines[2];

  const std::string file = folder_.file("calls.json");
  r = run({"export", "--format", "json", "--account", "ACC-BETA", "--output", file});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::ifstream in(file);
  const Json calls = Json::parse(in);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0]["call_id"], "MC-2");
  ASSERT_EQ(calls[0]["timeline"].size(), 8u);
  EXPECT_EQ(calls[0]["timeline"][4]["order_id"], "LIQ-MC-2-1");
  EXPECT_EQ(calls[0]["timeline"][4]["call_id"], "");
}

TEST_F(CalllogTest, VerifyPassesOnAnUntouchedDatabase) {
  const CalllogRun r = run({"verify"});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "OK: 18 records, 3 calls verified\n");  // the scenario writes 18 audit records
}

TEST_F(CalllogTest, VerifyNamesAnEditedRecord) {
  RawDb(db_).exec("UPDATE audit_log SET detail = replace(detail, '55000.12345678', '5.00') WHERE seq = 3");
  const CalllogRun r = run({"verify"});
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "record 3 was edited")) << r.out;
  EXPECT_TRUE(contains(r.out, "FAILED")) << r.out;
}

TEST_F(CalllogTest, VerifyNamesADeletedRecord) {
  RawDb(db_).exec("DELETE FROM audit_log WHERE seq = 10");
  const CalllogRun r = run({"verify"});
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "record 10 is missing (deleted)")) << r.out;
}

TEST_F(CalllogTest, VerifyNamesTheCallOfATamperedSummaryRow) {
  RawDb(db_).exec("UPDATE margin_calls SET amount_to_cure = '1' WHERE call_id = 'MC-1'");
  const CalllogRun r = run({"verify"});
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  // The row's problem is reported at the call's call_issued record, 2.
  EXPECT_TRUE(contains(r.out, "record 2: call MC-1: amount_to_cure differs")) << r.out;
}

TEST_F(CalllogTest, WorksWhileAnotherConnectionHoldsAWriteTransaction) {
  RawDb writer(db_);
  writer.exec("BEGIN EXCLUSIVE");
  writer.exec("INSERT INTO journal (seq, time_ns, kind, payload) VALUES (99, 0, 'admin', '{}')");
  writer.exec("UPDATE margin_calls SET status = 'closed' WHERE call_id = 'MC-3'");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"list"}, {"show", "MC-3"}, {"daily", "--date", "2026-11-25"},
        {"export", "--format", "json"}, {"verify"}}) {
    const CalllogRun r = run(args);
    EXPECT_EQ(r.exitCode, 0) << args[0] << ": " << r.out << r.err;
    // It sees the last committed state, not the open transaction's.
    EXPECT_FALSE(contains(r.out, "closed: MC-3")) << r.out;
  }
  EXPECT_TRUE(contains(run({"show", "MC-3"}).out, "still open")) << "the uncommitted change is not visible";
  writer.exec("ROLLBACK");
}

TEST_F(CalllogTest, NeverWritesTheDatabase) {
  const auto before = std::filesystem::last_write_time(db_);
  const auto size = std::filesystem::file_size(db_);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"list"}, {"show", "MC-1"}, {"daily", "--date", "2026-11-24"}, {"verify"}}) {
    EXPECT_EQ(run(args).exitCode, 0) << args[0];
  }
  EXPECT_EQ(std::filesystem::last_write_time(db_), before);
  EXPECT_EQ(std::filesystem::file_size(db_), size);
}

TEST(CalllogUsageTest, UnreadableDatabasesAndBadUsageExitWithTwo) {
  TempFolder folder;
  const std::string missing = folder.file("missing.db");
  CalllogRun r = runCalllog({"list", "--db", missing}, folder.file(""));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(contains(r.err, "cannot open " + missing)) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
  r = runCalllog({"verify", "--db", missing}, folder.file(""));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(contains(r.err, missing)) << r.err;

  const std::string text = folder.file("notes.db");
  std::ofstream(text) << "these are notes, not a database; long enough to be more than a header\n";
  r = runCalllog({"verify", "--db", text}, folder.file(""));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(contains(r.err, text)) << r.err;

  r = runCalllog({"list", "--format", "xml"}, folder.file(""));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(contains(r.err, "--format xml")) << r.err;
  r = runCalllog({}, folder.file(""));
  EXPECT_EQ(r.exitCode, 2);
  r = runCalllog({"--help"}, folder.file(""));
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(contains(r.out, "Usage: calllog")) << r.out;
  r = runCalllog({"show", "--help"}, folder.file(""));
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(contains(r.out, "calllog show CALL_ID")) << r.out;
}

}  // namespace
}  // namespace calllog_test
