// fix-client end to end: the executable runs scripts against a small in-test QuickFIX acceptor.

#include <gtest/gtest.h>

#include <stdlib.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "tests/tools/fix_client/client_process.h"
#include "tests/tools/fix_client/test_acceptor.h"

namespace fix_client_test {
namespace {

constexpr std::chrono::seconds kRunTimeout(15);
const char* const kPassword = "secret";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Runs fix-client in a fresh temporary directory.
class ClientRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "fix_client_test_XXXXXX";
    ASSERT_NE(mkdtemp(&pattern[0]), nullptr);
    workDir_ = pattern;
  }

  std::string writeScript(const std::string& text) {
    const std::string path = workDir_ + "/script.fix";
    std::ofstream(path) << text;
    return path;
  }

  // Runs fix-client on `script` with the gateway's dictionary, against `port` with `password`,
  // and the `extra` options.
  ProcessResult run(int port, const std::string& password, const std::string& script,
                    const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--port",       std::to_string(port),
                                     "--password",   password,
                                     "--dictionary", FIX_CLIENT_DICTIONARY,
                                     "--script",     writeScript(script)};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessResult result = runClient(FIX_CLIENT_EXECUTABLE, args, workDir_, kRunTimeout);
    EXPECT_TRUE(result.finished) << "fix-client did not finish within the timeout";
    return result;
  }

  std::string workDir_;
};

// Against one acceptor for the whole suite (stopping one takes QuickFIX about a second).
class FixClientTest : public ClientRunTest {
 protected:
  static void SetUpTestSuite() { acceptor_ = new TestAcceptor(FIX_CLIENT_DICTIONARY, kPassword); }
  static void TearDownTestSuite() {
    delete acceptor_;
    acceptor_ = nullptr;
  }

  void SetUp() override {
    ClientRunTest::SetUp();
    acceptor_->clearReceived();
  }

  ProcessResult run(const std::string& script, const std::vector<std::string>& extra = {},
                    const std::string& password = kPassword) {
    return ClientRunTest::run(acceptor_->port(), password, script, extra);
  }

  static TestAcceptor* acceptor_;
};

TestAcceptor* FixClientTest::acceptor_ = nullptr;

TEST_F(FixClientTest, OrderThenExpectedAckExitsZero) {
  const ProcessResult result = run("# an order and its acknowledgement\n"
                                   "order A-1 ACC-ALPHA ESZ6 buy 10 5000.25 day\n"
                                   "expect ExecutionReport ClOrdID=A-1 ExecType=0 OrderID=*\n"
                                   "print acknowledged\n"
                                   "logout\n",
                                   {"--reset", "--log-file", workDir_ + "/messages.log"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "-> NewOrderSingle Account=ACC-ALPHA ClOrdID=A-1 OrderQty=10 "
                                   "OrdType=2(LIMIT) Price=5000.25 Side=1(BUY) Symbol=ESZ6"))
      << result.out;
  EXPECT_TRUE(contains(result.out, "<- ExecutionReport")) << result.out;
  EXPECT_TRUE(contains(result.out, " ExecType=0(NEW) ")) << result.out;
  EXPECT_TRUE(contains(result.out, "Text=\"accepted by the test acceptor\"")) << result.out;
  EXPECT_TRUE(contains(result.out, "acknowledged\n")) << result.out;

  // The order went out with exact decimals, the time in force and a TransactTime.
  const std::vector<std::string> received = acceptor_->received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_TRUE(contains(received[0], "|44=5000.25|")) << received[0];
  EXPECT_TRUE(contains(received[0], "|38=10|")) << received[0];
  EXPECT_TRUE(contains(received[0], "|59=0|")) << received[0];
  EXPECT_TRUE(contains(received[0], "|60=")) << received[0];

  // The log file has the Logon with the password and the reset flag, SOH shown as |.
  std::ifstream log(workDir_ + "/messages.log");
  const std::string logText((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(contains(logText, " out 8=FIX.4.4|")) << logText;
  EXPECT_TRUE(contains(logText, "|554=secret|")) << logText;
  EXPECT_TRUE(contains(logText, "|141=Y|")) << logText;
  EXPECT_TRUE(contains(logText, "|35=8|")) << logText;
}

TEST_F(FixClientTest, WrongExpectationExitsFourWithinTheTimeout) {
  const ProcessResult result = run("order A-1 ACC-ALPHA ESZ6 buy 10 market\n"
                                   "expect ExecutionReport ClOrdID=A-1 ExecType=F within 1\n");
  EXPECT_EQ(result.exitCode, 4) << result.err;
  EXPECT_LT(result.elapsed, std::chrono::seconds(6));
  EXPECT_TRUE(contains(result.err, "script.fix:2: expect timed out after 1 s: no ExecutionReport "
                                   "ClOrdID=A-1 ExecType=F"))
      << result.err;
  // The acknowledgement arrived meanwhile: printed, not matched.
  EXPECT_TRUE(contains(result.out, "<- ExecutionReport")) << result.out;
}

TEST_F(FixClientTest, BadPasswordExitsThree) {
  const ProcessResult result = run("order A-1 ACC-ALPHA ESZ6 buy 10 5000\n", {}, "wrong");
  EXPECT_EQ(result.exitCode, 3) << result.err;
  EXPECT_LT(result.elapsed, std::chrono::seconds(8));
  EXPECT_TRUE(contains(result.err, "refused")) << result.err;
  EXPECT_TRUE(contains(result.err, "invalid password")) << result.err;
  EXPECT_TRUE(acceptor_->received().empty());
}

TEST_F(FixClientTest, RepeatingGroupsGoOutAndComeBack) {
  const ProcessResult result = run(
      "send MarketDataRequest MDReqID=MD-1 263=0 264=1 267=2 269=0 269=1 146=1 Symbol=ESZ6\n"
      "expect MarketDataSnapshotFullRefresh MDReqID=MD-1 MDEntryType=1 MDEntryPx=5000.25\n",
      {"--quiet"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  // --quiet: only what expect says (the matched message).
  EXPECT_EQ(result.out,
            "<- MarketDataSnapshotFullRefresh Symbol=ESZ6 MDReqID=MD-1 NoMDEntries=2 "
            "MDEntryType=0(BID) MDEntryPx=5000.25 MDEntrySize=7 MDEntryType=1(OFFER) "
            "MDEntryPx=5000.25 MDEntrySize=7\n");
  const std::vector<std::string> received = acceptor_->received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_TRUE(contains(received[0], "|267=2|269=0|269=1|")) << received[0];
  EXPECT_TRUE(contains(received[0], "|146=1|55=ESZ6|")) << received[0];
}

TEST_F(FixClientTest, CancelReplaceAndSendPassTheDictionary) {
  const ProcessResult result = run(
      "cancel C-2 C-1 ACC-ALPHA ESZ6 sell 10\n"
      "replace C-3 C-1 ACC-ALPHA ESZ6 sell 20 4999.5\n"
      "send CollateralInquiry CollInquiryID=INQ-1 263=0 Account=ACC-ALPHA\n"
      "logout\n");
  EXPECT_EQ(result.exitCode, 0) << result.err;
  // The acceptor validates with the dictionary: a message it refused would be missing here.
  const std::vector<std::string> received = acceptor_->received();
  ASSERT_EQ(received.size(), 3u) << result.out;
  EXPECT_TRUE(contains(received[0], "|35=F|")) << received[0];
  EXPECT_TRUE(contains(received[0], "|11=C-2|")) << received[0];
  EXPECT_TRUE(contains(received[0], "|41=C-1|")) << received[0];
  EXPECT_TRUE(contains(received[0], "|54=2|")) << received[0];
  EXPECT_TRUE(contains(received[1], "|35=G|")) << received[1];
  EXPECT_TRUE(contains(received[1], "|38=20|40=2|41=C-1|44=4999.5|")) << received[1];
  EXPECT_TRUE(contains(received[2], "|35=BB|")) << received[2];
  EXPECT_TRUE(contains(received[2], "|909=INQ-1|")) << received[2];
  EXPECT_TRUE(contains(result.out, "-> OrderCancelReplaceRequest ")) << result.out;
  EXPECT_TRUE(contains(result.out, "-> CollateralInquiry Account=ACC-ALPHA "
                                   "SubscriptionRequestType=0(SNAPSHOT) CollInquiryID=INQ-1"))
      << result.out;
}

// Nobody listens on port 1: these runs end before any session starts.
using FixClientOfflineTest = ClientRunTest;

TEST_F(FixClientOfflineTest, BadScriptLineExitsTwoBeforeConnecting) {
  const ProcessResult result = run(1, kPassword,
                                   "order A-1 ACC-ALPHA ESZ6 buy 10 5000\n"
                                   "expect ExecutionReport ClOrdId=A-1\n");
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_TRUE(contains(result.err, "script.fix:2: unknown field 'ClOrdId'")) << result.err;
  EXPECT_LT(result.elapsed, std::chrono::seconds(5));
}

TEST_F(FixClientOfflineTest, MissingPortIsABadArgument) {
  const ProcessResult result = runClient(FIX_CLIENT_EXECUTABLE, {"--script", writeScript("")},
                                         workDir_, kRunTimeout);
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_TRUE(contains(result.err, "--port")) << result.err;
}

}  // namespace
}  // namespace fix_client_test
