// fix-client's script language: every command parsed, bad lines refused with their line numbers.

#include "tools/fix_client/script_parser.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tools/fix_client/script_reader.h"

namespace fix_client {
namespace {

ScriptCommand parseOk(const std::string& line) {
  ParsedLine parsed = parseScriptLine(line);
  EXPECT_EQ(parsed.status, LineStatus::kCommand) << line << ": " << parsed.error;
  return parsed.command;
}

std::string parseError(const std::string& line) {
  ParsedLine parsed = parseScriptLine(line);
  EXPECT_EQ(parsed.status, LineStatus::kError) << line;
  return parsed.error;
}

TEST(ScriptParser, LimitOrderWithTimeInForce) {
  const ScriptCommand c = parseOk("order A-1 ACC-ALPHA ESZ6 buy 10 5000.250 gtc");
  EXPECT_EQ(c.kind, CommandKind::kOrder);
  EXPECT_EQ(c.order.clOrdId, "A-1");
  EXPECT_EQ(c.order.account, "ACC-ALPHA");
  EXPECT_EQ(c.order.symbol, "ESZ6");
  EXPECT_EQ(c.order.side, '1');
  EXPECT_EQ(c.order.quantity, "10");
  EXPECT_FALSE(c.order.market);
  EXPECT_EQ(c.order.price, "5000.25");  // exact decimal, canonical text
  EXPECT_EQ(c.order.timeInForce, "1");
}

TEST(ScriptParser, MarketOrderWithoutTimeInForce) {
  const ScriptCommand c = parseOk("  ORDER B-7 ACC-BETA NQZ6 Sell 0.5 market  ");
  EXPECT_EQ(c.kind, CommandKind::kOrder);
  EXPECT_EQ(c.order.side, '2');
  EXPECT_EQ(c.order.quantity, "0.5");
  EXPECT_TRUE(c.order.market);
  EXPECT_TRUE(c.order.price.empty());
  EXPECT_TRUE(c.order.timeInForce.empty());
}

TEST(ScriptParser, TimeInForceCodes) {
  EXPECT_EQ(parseOk("order A B C buy 1 2 day").order.timeInForce, "0");
  EXPECT_EQ(parseOk("order A B C buy 1 2 ioc").order.timeInForce, "3");
  EXPECT_EQ(parseOk("order A B C buy 1 2 FOK").order.timeInForce, "4");
}

TEST(ScriptParser, Cancel) {
  const ScriptCommand c = parseOk("cancel A-2 A-1 ACC-ALPHA ESZ6 sell 10");
  EXPECT_EQ(c.kind, CommandKind::kCancel);
  EXPECT_EQ(c.order.clOrdId, "A-2");
  EXPECT_EQ(c.order.origClOrdId, "A-1");
  EXPECT_EQ(c.order.account, "ACC-ALPHA");
  EXPECT_EQ(c.order.symbol, "ESZ6");
  EXPECT_EQ(c.order.side, '2');
  EXPECT_EQ(c.order.quantity, "10");
}

TEST(ScriptParser, Replace) {
  const ScriptCommand c = parseOk("replace A-3 A-1 ACC-ALPHA ESZ6 buy 20 4999.75");
  EXPECT_EQ(c.kind, CommandKind::kReplace);
  EXPECT_EQ(c.order.clOrdId, "A-3");
  EXPECT_EQ(c.order.origClOrdId, "A-1");
  EXPECT_EQ(c.order.quantity, "20");
  EXPECT_EQ(c.order.price, "4999.75");
}

TEST(ScriptParser, SendWithNumbersNamesQuotesAndGroups) {
  const ScriptCommand c =
      parseOk("send V MDReqID=MD-1 263=0 264=1 267=2 269=0 269=1 146=1 55=ESZ6 58=\"two words\"");
  EXPECT_EQ(c.kind, CommandKind::kSend);
  EXPECT_EQ(c.msgType, "V");
  ASSERT_EQ(c.fields.size(), 9u);
  EXPECT_EQ(c.fields[0].field, "MDReqID");
  EXPECT_EQ(c.fields[0].value, "MD-1");
  EXPECT_EQ(c.fields[4].field, "269");
  EXPECT_EQ(c.fields[5].value, "1");
  EXPECT_EQ(c.fields[8].field, "58");
  EXPECT_EQ(c.fields[8].value, "two words");
  EXPECT_EQ(c.fields[0].tag, 0);  // resolved later, against the dictionary
}

TEST(ScriptParser, SendWithoutFields) {
  const ScriptCommand c = parseOk("send CollateralInquiry");
  EXPECT_EQ(c.kind, CommandKind::kSend);
  EXPECT_EQ(c.msgType, "CollateralInquiry");
  EXPECT_TRUE(c.fields.empty());
}

TEST(ScriptParser, ExpectWithDefaultTimeout) {
  const ScriptCommand c = parseOk("expect ExecutionReport ClOrdID=A-1 ExecType=0 58=*");
  EXPECT_EQ(c.kind, CommandKind::kExpect);
  EXPECT_EQ(c.msgType, "ExecutionReport");
  ASSERT_EQ(c.fields.size(), 3u);
  EXPECT_EQ(c.fields[1].field, "ExecType");
  EXPECT_EQ(c.fields[2].value, "*");
  EXPECT_EQ(c.timeoutMs, kDefaultExpectTimeoutMs);
}

TEST(ScriptParser, ExpectWithin) {
  EXPECT_EQ(parseOk("expect 8 within 2.5").timeoutMs, 2500);
  const ScriptCommand c = parseOk("expect ExecutionReport ClOrdID=A-1 within 0.25");
  EXPECT_EQ(c.timeoutMs, 250);
  ASSERT_EQ(c.fields.size(), 1u);
}

TEST(ScriptParser, PrintKeepsTheRestOfTheLine) {
  EXPECT_EQ(parseOk("print   Step 1: \"buy\" # not a comment  ").text,
            "Step 1: \"buy\" # not a comment");
  EXPECT_EQ(parseOk("print").text, "");
}

TEST(ScriptParser, SleepAndLogout) {
  const ScriptCommand sleep = parseOk("sleep 250");
  EXPECT_EQ(sleep.kind, CommandKind::kSleep);
  EXPECT_EQ(sleep.sleepMs, 250);
  EXPECT_EQ(parseOk("logout").kind, CommandKind::kLogout);
}

TEST(ScriptParser, BlankLinesAndComments) {
  EXPECT_EQ(parseScriptLine("").status, LineStatus::kBlank);
  EXPECT_EQ(parseScriptLine("   \t ").status, LineStatus::kBlank);
  EXPECT_EQ(parseScriptLine("# a comment").status, LineStatus::kBlank);
  EXPECT_EQ(parseScriptLine("   # indented").status, LineStatus::kBlank);
  EXPECT_EQ(parseScriptLine("\r").status, LineStatus::kBlank);
  // A trailing comment on a command.
  EXPECT_EQ(parseOk("expect 8 ClOrdID=A-1 # the ack").fields.size(), 1u);
}

TEST(ScriptParser, RefusesBadLines) {
  EXPECT_NE(parseError("buy A-1").find("unknown command 'buy'"), std::string::npos);
  EXPECT_NE(parseError("order A-1 ACC ESZ6 buy 10").find("usage: order"), std::string::npos);
  EXPECT_NE(parseError("order A-1 ACC ESZ6 hold 10 5").find("buy or sell"), std::string::npos);
  EXPECT_NE(parseError("order A-1 ACC ESZ6 buy 0 5").find("positive"), std::string::npos);
  EXPECT_NE(parseError("order A-1 ACC ESZ6 buy 1e3 5").find("quantity"), std::string::npos);
  EXPECT_NE(parseError("order A-1 ACC ESZ6 buy 1 5.123456789").find("price"), std::string::npos);
  EXPECT_NE(parseError("order A-1 ACC ESZ6 buy 1 5 gtd").find("time in force"),
            std::string::npos);
  EXPECT_NE(parseError("cancel A-2 A-1 ACC ESZ6 buy").find("usage: cancel"), std::string::npos);
  EXPECT_NE(parseError("replace A-2 A-1 ACC ESZ6 buy 10 market").find("price"),
            std::string::npos);
  EXPECT_NE(parseError("send").find("usage: send"), std::string::npos);
  EXPECT_NE(parseError("send D 11").find("<tag>=<value>"), std::string::npos);
  EXPECT_NE(parseError("send D 11=").find("empty value"), std::string::npos);
  EXPECT_NE(parseError("send D 011=A").find("neither a tag number"), std::string::npos);
  EXPECT_NE(parseError("send D-1 11=A").find("not a message type"), std::string::npos);
  EXPECT_NE(parseError("send D 58=\"open").find("unterminated quote"), std::string::npos);
  EXPECT_NE(parseError("expect").find("usage: expect"), std::string::npos);
  EXPECT_NE(parseError("expect 8 within").find("within needs"), std::string::npos);
  EXPECT_NE(parseError("expect 8 within 0").find("within takes"), std::string::npos);
  EXPECT_NE(parseError("expect 8 within 0.0001").find("within takes"), std::string::npos);
  EXPECT_NE(parseError("sleep").find("usage: sleep"), std::string::npos);
  EXPECT_NE(parseError("sleep -5").find("sleep takes"), std::string::npos);
  EXPECT_NE(parseError("logout now").find("usage: logout"), std::string::npos);
}

TEST(ScriptParser, TokenizerHandlesEscapesInQuotes) {
  std::vector<std::string> tokens;
  std::string error;
  ASSERT_TRUE(tokenizeScriptLine(R"(58="say \"hi\" \\ bye" 11=A)", tokens, error)) << error;
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0], R"(58=say "hi" \ bye)");
  EXPECT_EQ(tokens[1], "11=A");
}

TEST(ScriptReader, NumbersLinesAndSkipsBlanks) {
  std::istringstream input(
      "# demo\n"
      "\n"
      "order A-1 ACC-ALPHA ESZ6 buy 10 5000\n"
      "expect ExecutionReport ClOrdID=A-1\n");
  std::vector<ScriptCommand> commands;
  std::string error;
  ASSERT_TRUE(readScript(input, "demo.fix", commands, error)) << error;
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[0].line, 3);
  EXPECT_EQ(commands[0].source, "demo.fix");
  EXPECT_EQ(commands[1].line, 4);
  EXPECT_EQ(where(commands[1]), "demo.fix:4");
}

TEST(ScriptReader, RefusesABadLineWithItsNumber) {
  std::istringstream input(
      "order A-1 ACC-ALPHA ESZ6 buy 10 5000\n"
      "# fine so far\n"
      "expect ExecutionReport within soon\n"
      "logout\n");
  std::vector<ScriptCommand> commands;
  std::string error;
  EXPECT_FALSE(readScript(input, "demo.fix", commands, error));
  EXPECT_EQ(error.rfind("demo.fix:3: within takes seconds", 0), 0u) << error;
}

TEST(ScriptReader, NumbersEveryLineItIsGiven) {
  ScriptReader reader("<stdin>");
  ScriptCommand command;
  std::string error;
  EXPECT_EQ(reader.parseNext("print a", command, error), ReadStatus::kCommand);
  EXPECT_EQ(reader.parseNext("", command, error), ReadStatus::kBlank);
  EXPECT_EQ(reader.parseNext("print b", command, error), ReadStatus::kCommand);
  EXPECT_EQ(command.text, "b");
  EXPECT_EQ(command.line, 3);
  EXPECT_EQ(reader.parseNext("prnt c", command, error), ReadStatus::kError);
  EXPECT_EQ(error.rfind("<stdin>:4: unknown command 'prnt'", 0), 0u) << error;
}

}  // namespace
}  // namespace fix_client
