// Margin calls and positions over FIX, through a real FixEngine over loopback: a plain QuickFIX
// client (CLIENT1 -> BROKER) sends CollateralInquiry (BB), CollateralAssignment (AY) and
// RequestForPositions (AN), which reach a fake Inbox decoded exactly or are refused at the edge;
// the engine sends the six outbound messages (AX, BA, BG, AZ, AO, AP), which the client receives
// with exact fields. The client validates every inbound message with the gateway's dictionary
// (QuickFIX hands it to fromApp only after that), and the test validates each again explicitly.

#include <gtest/gtest.h>
#include <quickfix/DataDictionary.h>
#include <quickfix/FieldConvertors.h>
#include <quickfix/FieldNumbers.h>
#include <quickfix/FieldTypes.h>
#include <quickfix/Group.h>

#include <cstdio>
#include <memory>
#include <string>

#include "gateway/fix/fix_engine.h"
#include "tests/gateway/fix/support/client_side_settings.h"
#include "tests/gateway/fix/support/fake_inbox.h"
#include "tests/gateway/fix/support/test_counterparty.h"
#include "tests/support/free_port.h"

namespace gateway {
namespace fix {
namespace {

namespace F = FIX::FIELD;
using testing::CounterpartyOptions;
using testing::FakeInbox;
using testing::InboxRecord;
using testing::TestCounterparty;

// The gateway's user-defined tags (fix-config/FIX44-gateway.xml).
constexpr int kMaintenanceMargin = 5001;
constexpr int kInitialMargin = 5002;
constexpr int kDeficitToMaintenance = 5003;
constexpr int kMarginHealth = 5004;
constexpr int kMarginState = 5005;
constexpr int kAvailableFunds = 5007;
constexpr int kAmountToCure = 5008;

// 2026-11-24 00:27:01.343999999 UTC: ExpireTime keeps the milliseconds, truncated.
constexpr std::int64_t kDeadlineNanos = 1795480021343999999;

const FIX::DataDictionary& dictionary() {
  static const FIX::DataDictionary dd{std::string(GATEWAY_FIX_DICTIONARY)};
  return dd;
}

// What a QuickFIX session checks on an inbound message; throws the problem it finds.
void validate(const FIX::Message& message) {
  FIX::DataDictionary::validate(message, &dictionary(), &dictionary());
}

FIX::Message clientMessage(const char* msgType) {
  FIX::Message message;
  message.getHeader().setField(F::MsgType, msgType);
  return message;
}

void setNow(FIX::Message& message) {
  message.setField(FIX::UtcTimeStampField(F::TransactTime, FIX::UtcTimeStamp(), 3));
}

FIX::Message collateralInquiry(const std::string& inquiryId) {
  FIX::Message m = clientMessage("BB");
  if (!inquiryId.empty()) m.setField(F::CollInquiryID, inquiryId);
  m.setField(F::SubscriptionRequestType, "1");
  m.setField(F::Account, "ACC-ALPHA");
  setNow(m);
  return m;
}

FIX::Message collateralAssignment(const std::string& assignmentId) {
  FIX::Message m = clientMessage("AY");
  m.setField(F::CollAsgnID, assignmentId);
  m.setField(F::CollReqID, "CALL-7");
  m.setField(F::CollAsgnReason, "3");
  m.setField(F::CollAsgnTransType, "0");
  setNow(m);
  m.setField(F::Account, "ACC-ALPHA");
  m.setField(F::Quantity, "12340.5");
  m.setField(F::QtyType, "0");
  m.setField(F::Currency, "USD");
  m.setField(F::Text, "wire sent");
  return m;
}

FIX::Message requestForPositions(const std::string& requestId, bool withParties = true) {
  FIX::Message m = clientMessage("AN");
  m.setField(F::PosReqID, requestId);
  m.setField(F::PosReqType, "0");
  if (withParties) {
    FIX::Group party(F::NoPartyIDs, F::PartyID);
    party.setField(F::PartyID, "ACC-ALPHA");
    party.setField(F::PartyIDSource, "D");
    party.setField(F::PartyRole, "24");
    m.addGroup(party);
  }
  m.setField(F::Account, "ACC-ALPHA");
  m.setField(F::AccountType, "1");
  m.setField(F::ClearingBusinessDate, "20261123");
  setNow(m);
  return m;
}

bridge::MarginNumbers callNumbers() {
  bridge::MarginNumbers numbers;
  numbers.currency = "USD";
  numbers.state = "CALL";
  numbers.equity = 4000000000000;              // 40000
  numbers.maintenance = 4125000000000;         // 41250
  numbers.initial = 8250000000000;             // 82500
  numbers.deficitToMaintenance = 125000000000;  // 1250
  numbers.availableFunds = -4250050000000;     // -42500.5
  numbers.amountToCure = 4250050000000;        // 42500.5
  numbers.health = 96969697;                   // 0.96969697
  numbers.healthUnbounded = false;
  return numbers;
}

class FixEngineCollateralTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    FixEngineOptions options;
    options.settingsText = testing::clientSideSettings();
    options.clientPort = test_support::findFreePort();
    options.venuePort = test_support::findFreePort();  // nobody listens: the venue stays down
    options.messageLogPath = ::testing::TempDir() + "fix_engine_collateral_test.log";
    std::remove(options.messageLogPath.c_str());
    clientPort_ = options.clientPort;
    std::string error;
    engine_ = FixEngine::create(options, error).release();
    ASSERT_NE(engine_, nullptr) << error;
    inbox_ = new FakeInbox();
    engine_->start(*inbox_);
  }

  static void TearDownTestSuite() {
    if (engine_ != nullptr) engine_->stop();
    delete engine_;
    delete inbox_;
    engine_ = nullptr;
    inbox_ = nullptr;
  }

  void SetUp() override { ASSERT_NE(engine_, nullptr); }

  // A CLIENT1 initiator that continues the gateway's sequence numbers, logged on.
  static std::unique_ptr<TestCounterparty> logOnClient() {
    SequenceNumbers gateway;
    EXPECT_TRUE(engine_->sequenceNumbers("BROKER", "CLIENT1", gateway));
    CounterpartyOptions options;
    options.senderCompId = "CLIENT1";
    options.targetCompId = "BROKER";
    options.port = clientPort_;
    options.password = "right-password";
    options.nextSender = gateway.nextTarget;
    options.nextTarget = gateway.nextSender;
    std::unique_ptr<TestCounterparty> client(new TestCounterparty(options));
    client->start();
    EXPECT_TRUE(client->waitLoggedOn());
    EXPECT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
      return !r.clientSessions.empty() && r.clientSessions.back() == std::make_pair(0u, true);
    }));
    return client;
  }

  static void disconnect(TestCounterparty& client) {
    client.stop();
    EXPECT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
      return !r.clientSessions.empty() && r.clientSessions.back() == std::make_pair(0u, false);
    }));
  }

  // Sends a good inquiry and waits for it: everything the client sent before has been handled.
  static void syncWithGateway(TestCounterparty& client, const std::string& inquiryId) {
    ASSERT_TRUE(client.send(collateralInquiry(inquiryId)));
    ASSERT_TRUE(inbox_->waitUntil([&](const InboxRecord& r) {
      return !r.collateralInquiries.empty() && r.collateralInquiries.back().inquiryId == inquiryId;
    }));
  }

  // The next message of `msgType` the client received, validated again with the dictionary.
  static FIX::Message receive(TestCounterparty& client, const char* msgType) {
    FIX::Message message;
    EXPECT_TRUE(client.waitForMessage(msgType, message)) << msgType;
    EXPECT_NO_THROW(validate(message)) << message.toString();
    return message;
  }

  static FixEngine* engine_;
  static FakeInbox* inbox_;
  static int clientPort_;
};

FixEngine* FixEngineCollateralTest::engine_ = nullptr;
FakeInbox* FixEngineCollateralTest::inbox_ = nullptr;
int FixEngineCollateralTest::clientPort_ = 0;

TEST_F(FixEngineCollateralTest, ClientMessagesArriveDecodedExactly) {
  std::unique_ptr<TestCounterparty> client = logOnClient();

  ASSERT_TRUE(client->send(collateralInquiry("INQ-1")));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) { return !r.collateralInquiries.empty(); }));
  const bridge::ClientCollateralInquiry inquiry = inbox_->snapshot().collateralInquiries.back();
  EXPECT_EQ(inquiry.session, 0u);
  EXPECT_EQ(inquiry.inquiryId, "INQ-1");
  EXPECT_EQ(inquiry.subscriptionType, '1');
  EXPECT_EQ(inquiry.account, "ACC-ALPHA");

  // Only CollInquiryID: a snapshot of every account the session may trade.
  FIX::Message bare = clientMessage("BB");
  bare.setField(F::CollInquiryID, "INQ-2");
  ASSERT_TRUE(client->send(bare));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
    return r.collateralInquiries.size() == 2;
  }));
  const bridge::ClientCollateralInquiry snapshot = inbox_->snapshot().collateralInquiries.back();
  EXPECT_EQ(snapshot.inquiryId, "INQ-2");
  EXPECT_EQ(snapshot.subscriptionType, '0');
  EXPECT_EQ(snapshot.account, "");

  ASSERT_TRUE(client->send(collateralAssignment("DEP-1")));
  ASSERT_TRUE(
      inbox_->waitUntil([](const InboxRecord& r) { return !r.collateralAssignments.empty(); }));
  const bridge::ClientCollateralAssignment deposit = inbox_->snapshot().collateralAssignments.back();
  EXPECT_EQ(deposit.session, 0u);
  EXPECT_EQ(deposit.assignmentId, "DEP-1");
  EXPECT_EQ(deposit.callId, "CALL-7");
  EXPECT_EQ(deposit.reason, 3);
  EXPECT_EQ(deposit.transType, '0');
  EXPECT_EQ(deposit.account, "ACC-ALPHA");
  EXPECT_TRUE(deposit.hasAmount);
  EXPECT_EQ(deposit.amount, 1234050000000);  // 12340.5, exactly
  EXPECT_EQ(deposit.currency, "USD");
  EXPECT_EQ(deposit.text, "wire sent");

  // A cancel of the notice: no call, no amount, no QtyType.
  FIX::Message cancel = collateralAssignment("DEP-1-C");
  cancel.removeField(F::CollReqID);
  cancel.removeField(F::Quantity);
  cancel.removeField(F::QtyType);
  cancel.removeField(F::Currency);
  cancel.removeField(F::Text);
  cancel.setField(F::CollAsgnTransType, "2");
  ASSERT_TRUE(client->send(cancel));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
    return r.collateralAssignments.size() == 2;
  }));
  const bridge::ClientCollateralAssignment cancelled =
      inbox_->snapshot().collateralAssignments.back();
  EXPECT_EQ(cancelled.assignmentId, "DEP-1-C");
  EXPECT_EQ(cancelled.callId, "");
  EXPECT_EQ(cancelled.transType, '2');
  EXPECT_FALSE(cancelled.hasAmount);
  EXPECT_EQ(cancelled.amount, 0);
  EXPECT_EQ(cancelled.currency, "");

  ASSERT_TRUE(client->send(requestForPositions("POS-1")));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) { return !r.positionRequests.empty(); }));
  const bridge::ClientPositionRequest request = inbox_->snapshot().positionRequests.back();
  EXPECT_EQ(request.session, 0u);
  EXPECT_EQ(request.requestId, "POS-1");
  EXPECT_EQ(request.requestType, 0);
  EXPECT_EQ(request.account, "ACC-ALPHA");
  EXPECT_EQ(request.clearingBusinessDate, "20261123");

  // Another request type is passed on as it is: the core answers it in its acknowledgement.
  FIX::Message trades = requestForPositions("POS-2");
  trades.setField(F::PosReqType, "1");
  ASSERT_TRUE(client->send(trades));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) { return r.positionRequests.size() == 2; }));
  EXPECT_EQ(inbox_->snapshot().positionRequests.back().requestType, 1);

  for (const std::string& type : client->receivedTypes()) {
    EXPECT_TRUE(type != "3" && type != "j") << type;
  }
  disconnect(*client);
}

TEST_F(FixEngineCollateralTest, MalformedMessagesAreRejectedAtTheEdge) {
  std::unique_ptr<TestCounterparty> client = logOnClient();
  const InboxRecord before = inbox_->snapshot();

  // Fields the gateway needs that FIX 4.4 leaves optional: BusinessMessageReject 380=5.
  struct BusinessCase {
    const char* what;
    FIX::Message message;
    const char* refMsgType;
    const char* tag;
  };
  FIX::Message noAccount = collateralAssignment("DEP-NO-ACCOUNT");
  noAccount.removeField(F::Account);
  const BusinessCase businessCases[] = {
      {"AY without Account", noAccount, "AY", "1"},
      {"BB without CollInquiryID", collateralInquiry(""), "BB", "909"},
  };
  for (const BusinessCase& c : businessCases) {
    ASSERT_TRUE(client->send(c.message)) << c.what;
    FIX::Message reject;
    ASSERT_TRUE(client->waitForMessage("j", reject)) << c.what;
    EXPECT_EQ(reject.getField(F::BusinessRejectReason), "5") << c.what;
    EXPECT_EQ(reject.getField(F::RefMsgType), c.refMsgType) << c.what;
    EXPECT_NE(reject.getField(F::Text).find(std::string("(") + c.tag + ")"), std::string::npos)
        << c.what << ": " << reject.getField(F::Text);
  }

  // Fields FIX 4.4 requires: the dictionary is checked before the gateway sees the message, and
  // QuickFIX answers a session Reject 373=1 (required tag missing). Values outside an enumeration
  // or the gateway's rules: 373=5 (value is incorrect); not a number at all: 373=6.
  struct SessionCase {
    const char* what;
    FIX::Message message;
    const char* reason;
    const char* tag;
  };
  FIX::Message noAssignmentId = collateralAssignment("unused");
  noAssignmentId.removeField(F::CollAsgnID);
  FIX::Message contracts = collateralAssignment("DEP-CONTRACTS");
  contracts.setField(F::QtyType, "1");
  FIX::Message tooPrecise = collateralAssignment("DEP-PRECISE");
  tooPrecise.setField(F::Quantity, "100.123456789");
  FIX::Message notANumber = collateralAssignment("DEP-ABC");
  notANumber.setField(F::Quantity, "abc");
  FIX::Message badTransType = collateralAssignment("DEP-TRANS");
  badTransType.setField(F::CollAsgnTransType, "9");
  FIX::Message badSubscription = collateralInquiry("INQ-BAD");
  badSubscription.setField(F::SubscriptionRequestType, "7");
  const FIX::Message noParties = requestForPositions("POS-NO-PARTIES", false);
  FIX::Message badRequestType = requestForPositions("POS-BAD");
  badRequestType.setField(F::PosReqType, "9");
  const SessionCase sessionCases[] = {
      {"AY without CollAsgnID", noAssignmentId, "1", "902"},
      {"AY with QtyType=1 (contracts)", contracts, "5", "854"},
      {"AY with 9 decimal places", tooPrecise, "5", "53"},
      {"AY with Quantity=abc", notANumber, "6", "53"},
      {"AY with CollAsgnTransType=9", badTransType, "5", "903"},
      {"BB with SubscriptionRequestType=7", badSubscription, "5", "263"},
      {"AN without Parties", noParties, "1", "453"},
      {"AN with PosReqType=9", badRequestType, "5", "724"},
  };
  for (const SessionCase& c : sessionCases) {
    ASSERT_TRUE(client->send(c.message)) << c.what;
    FIX::Message reject;
    ASSERT_TRUE(client->waitForMessage("3", reject)) << c.what;
    EXPECT_EQ(reject.getField(F::SessionRejectReason), c.reason) << c.what;
    EXPECT_EQ(reject.getField(F::RefTagID), c.tag) << c.what;
  }

  // A message the gateway only sends: unsupported from a client.
  FIX::Message call = clientMessage("AX");
  call.setField(F::CollReqID, "CALL-FROM-CLIENT");
  call.setField(F::CollAsgnReason, "3");
  setNow(call);
  call.setField(F::Account, "ACC-ALPHA");
  ASSERT_TRUE(client->send(call));
  FIX::Message unsupported;
  ASSERT_TRUE(client->waitForMessage("j", unsupported));
  EXPECT_EQ(unsupported.getField(F::BusinessRejectReason), "3");
  EXPECT_EQ(unsupported.getField(F::RefMsgType), "AX");

  // None of them reached the core; the session still works.
  syncWithGateway(*client, "INQ-AFTER-BAD");
  const InboxRecord after = inbox_->snapshot();
  EXPECT_EQ(after.collateralInquiries.size(), before.collateralInquiries.size() + 1);
  EXPECT_EQ(after.collateralAssignments.size(), before.collateralAssignments.size());
  EXPECT_EQ(after.positionRequests.size(), before.positionRequests.size());
  disconnect(*client);
}

TEST_F(FixEngineCollateralTest, CallsAndReportsReachTheClientWithExactFields) {
  std::unique_ptr<TestCounterparty> client = logOnClient();

  bridge::CollateralRequestOut call;
  call.session = 0;
  call.callId = "CALL-7";
  call.account = "ACC-ALPHA";
  call.expireTimeNanos = kDeadlineNanos;
  call.marginExcess = -4250050000000;  // -42500.5
  call.numbers = callNumbers();
  call.text = "margin call: deposit 42500.5 USD by 20261124-00:27:01 UTC";
  ASSERT_TRUE(engine_->sendToClient(call));
  FIX::Message m = receive(*client, "AX");
  EXPECT_EQ(m.getField(F::CollReqID), "CALL-7");
  EXPECT_EQ(m.getField(F::CollAsgnReason), "3");
  EXPECT_TRUE(m.isSetField(F::TransactTime));
  EXPECT_EQ(m.getField(F::ExpireTime), "20261124-00:27:01.343");
  EXPECT_EQ(m.getField(F::Account), "ACC-ALPHA");
  EXPECT_EQ(m.getField(F::Currency), "USD");
  EXPECT_EQ(m.getField(F::MarginExcess), "-42500.5");
  EXPECT_EQ(m.getField(F::TotalNetValue), "40000");
  EXPECT_EQ(m.getField(F::Text), call.text);
  EXPECT_EQ(m.getField(kMaintenanceMargin), "41250");
  EXPECT_EQ(m.getField(kInitialMargin), "82500");
  EXPECT_EQ(m.getField(kDeficitToMaintenance), "1250");
  EXPECT_EQ(m.getField(kMarginHealth), "0.96969697");
  EXPECT_EQ(m.getField(kMarginState), "CALL");
  EXPECT_EQ(m.getField(kAvailableFunds), "-42500.5");
  EXPECT_EQ(m.getField(kAmountToCure), "42500.5");

  bridge::CollateralReportOut report;
  report.session = 0;
  report.reportId = "CRPT-1";
  report.inquiryId = "INQ-1";
  report.collStatus = 0;
  report.account = "ACC-ALPHA";
  report.marginExcess = -4250050000000;
  report.cashOutstanding = 4250050000000;
  report.numbers = callNumbers();
  report.text = "in margin call CALL-7";
  ASSERT_TRUE(engine_->sendToClient(report));
  m = receive(*client, "BA");
  EXPECT_EQ(m.getField(F::CollRptID), "CRPT-1");
  EXPECT_EQ(m.getField(F::CollInquiryID), "INQ-1");
  EXPECT_EQ(m.getField(F::CollStatus), "0");
  EXPECT_EQ(m.getField(F::Account), "ACC-ALPHA");
  EXPECT_EQ(m.getField(F::Currency), "USD");
  EXPECT_EQ(m.getField(F::MarginExcess), "-42500.5");
  EXPECT_EQ(m.getField(F::TotalNetValue), "40000");
  EXPECT_EQ(m.getField(F::CashOutstanding), "42500.5");
  EXPECT_TRUE(m.isSetField(F::TransactTime));
  EXPECT_EQ(m.getField(F::Text), "in margin call CALL-7");
  EXPECT_EQ(m.getField(kMaintenanceMargin), "41250");
  EXPECT_EQ(m.getField(kInitialMargin), "82500");
  EXPECT_EQ(m.getField(kDeficitToMaintenance), "1250");
  EXPECT_EQ(m.getField(kMarginHealth), "0.96969697");
  EXPECT_EQ(m.getField(kMarginState), "CALL");
  EXPECT_EQ(m.getField(kAvailableFunds), "-42500.5");
  EXPECT_EQ(m.getField(kAmountToCure), "42500.5");

  // A pushed report of a flat account: no inquiry, no text, health unbounded (no 5004).
  bridge::CollateralReportOut flat;
  flat.session = 0;
  flat.reportId = "CRPT-2";
  flat.collStatus = 3;
  flat.account = "ACC-ALPHA";
  flat.marginExcess = 100000000000000;  // 1000000
  flat.numbers.currency = "USD";
  flat.numbers.state = "NORMAL";
  flat.numbers.equity = 100000000000000;
  flat.numbers.availableFunds = 100000000000000;
  ASSERT_TRUE(engine_->sendToClient(flat));
  m = receive(*client, "BA");
  EXPECT_EQ(m.getField(F::CollRptID), "CRPT-2");
  EXPECT_FALSE(m.isSetField(F::CollInquiryID));
  EXPECT_EQ(m.getField(F::CollStatus), "3");
  EXPECT_EQ(m.getField(F::MarginExcess), "1000000");
  EXPECT_EQ(m.getField(F::CashOutstanding), "0");
  EXPECT_EQ(m.getField(kMaintenanceMargin), "0");
  EXPECT_FALSE(m.isSetField(kMarginHealth));
  EXPECT_EQ(m.getField(kMarginState), "NORMAL");
  EXPECT_EQ(m.getField(kAmountToCure), "0");
  EXPECT_FALSE(m.isSetField(F::Text));

  bridge::CollateralInquiryAckOut ack;
  ack.session = 0;
  ack.inquiryId = "INQ-1";
  ack.status = 0;
  ack.result = 0;
  ack.account = "ACC-ALPHA";
  ack.totalReports = 1;
  ASSERT_TRUE(engine_->sendToClient(ack));
  m = receive(*client, "BG");
  EXPECT_EQ(m.getField(F::CollInquiryID), "INQ-1");
  EXPECT_EQ(m.getField(F::CollInquiryStatus), "0");
  EXPECT_EQ(m.getField(F::CollInquiryResult), "0");
  EXPECT_EQ(m.getField(F::Account), "ACC-ALPHA");
  EXPECT_EQ(m.getField(F::TotNumReports), "1");
  EXPECT_FALSE(m.isSetField(F::Text));

  bridge::CollateralInquiryAckOut refused;
  refused.session = 0;
  refused.inquiryId = "INQ-9";
  refused.status = 4;
  refused.result = 9;
  refused.account = "ACC-BETA";
  refused.text = "NOT_ENTITLED: ACC-BETA";
  ASSERT_TRUE(engine_->sendToClient(refused));
  m = receive(*client, "BG");
  EXPECT_EQ(m.getField(F::CollInquiryStatus), "4");
  EXPECT_EQ(m.getField(F::CollInquiryResult), "9");
  EXPECT_FALSE(m.isSetField(F::TotNumReports));
  EXPECT_EQ(m.getField(F::Text), "NOT_ENTITLED: ACC-BETA");

  bridge::CollateralResponseOut response;
  response.session = 0;
  response.responseId = "CRSP-1";
  response.assignmentId = "DEP-1";
  response.callId = "CALL-7";
  response.reason = 3;
  response.responseType = 0;
  response.account = "ACC-ALPHA";
  response.currency = "USD";
  response.amount = 1234050000000;  // 12340.5
  response.hasAmount = true;
  response.text = "received; counts when the broker confirms the funds";
  ASSERT_TRUE(engine_->sendToClient(response));
  m = receive(*client, "AZ");
  EXPECT_EQ(m.getField(F::CollRespID), "CRSP-1");
  EXPECT_EQ(m.getField(F::CollAsgnID), "DEP-1");
  EXPECT_EQ(m.getField(F::CollReqID), "CALL-7");
  EXPECT_EQ(m.getField(F::CollAsgnReason), "3");
  EXPECT_EQ(m.getField(F::CollAsgnRespType), "0");
  EXPECT_TRUE(m.isSetField(F::TransactTime));
  EXPECT_EQ(m.getField(F::Account), "ACC-ALPHA");
  EXPECT_EQ(m.getField(F::Currency), "USD");
  EXPECT_EQ(m.getField(F::Quantity), "12340.5");
  EXPECT_EQ(m.getField(F::QtyType), "0");
  EXPECT_EQ(m.getField(F::Text), response.text);

  bridge::CollateralResponseOut rejected;
  rejected.session = 0;
  rejected.responseId = "CRSP-2";
  rejected.assignmentId = "DEP-X";
  rejected.responseType = 3;
  ASSERT_TRUE(engine_->sendToClient(rejected));
  m = receive(*client, "AZ");
  EXPECT_EQ(m.getField(F::CollAsgnRespType), "3");
  EXPECT_FALSE(m.isSetField(F::CollReqID));
  EXPECT_FALSE(m.isSetField(F::Account));
  EXPECT_FALSE(m.isSetField(F::Quantity));
  EXPECT_FALSE(m.isSetField(F::QtyType));

  bridge::PositionRequestAckOut positionsAck;
  positionsAck.session = 0;
  positionsAck.reportId = "PACK-1";
  positionsAck.requestId = "POS-1";
  positionsAck.totalReports = 1;
  positionsAck.result = 0;
  positionsAck.status = 0;
  positionsAck.account = "ACC-ALPHA";
  ASSERT_TRUE(engine_->sendToClient(positionsAck));
  m = receive(*client, "AO");
  EXPECT_EQ(m.getField(F::PosMaintRptID), "PACK-1");
  EXPECT_EQ(m.getField(F::PosReqID), "POS-1");
  EXPECT_EQ(m.getField(F::TotalNumPosReports), "1");
  EXPECT_EQ(m.getField(F::PosReqResult), "0");
  EXPECT_EQ(m.getField(F::PosReqStatus), "0");
  EXPECT_EQ(m.getField(F::Account), "ACC-ALPHA");
  EXPECT_EQ(m.getField(F::AccountType), "1");
  ASSERT_EQ(m.groupCount(F::NoPartyIDs), 1u);
  EXPECT_EQ(m.getGroupRef(1, F::NoPartyIDs).getField(F::PartyID), "ACC-ALPHA");
  EXPECT_EQ(m.getGroupRef(1, F::NoPartyIDs).getField(F::PartyIDSource), "D");
  EXPECT_EQ(m.getGroupRef(1, F::NoPartyIDs).getField(F::PartyRole), "24");
  EXPECT_FALSE(m.isSetField(F::Text));

  bridge::PositionReportOut position;
  position.session = 0;
  position.reportId = "PRPT-1";
  position.requestId = "POS-1";
  position.totalReports = 1;
  position.account = "ACC-ALPHA";
  position.clearingBusinessDate = "20261123";
  position.symbol = "ESZ6";
  position.currency = "USD";
  position.settlPrice = 498750000000;       // 4987.5
  position.priorSettlPrice = 500025000000;  // 5000.25
  position.longQty = 1200000000;            // 12
  position.shortQty = 0;
  position.unrealized = -1530000000000;     // -15300 (12 x -25.5 x 50)
  ASSERT_TRUE(engine_->sendToClient(position));
  m = receive(*client, "AP");
  EXPECT_EQ(m.getField(F::PosMaintRptID), "PRPT-1");
  EXPECT_EQ(m.getField(F::PosReqID), "POS-1");
  EXPECT_EQ(m.getField(F::TotalNumPosReports), "1");
  EXPECT_EQ(m.getField(F::PosReqResult), "0");
  EXPECT_EQ(m.getField(F::ClearingBusinessDate), "20261123");
  EXPECT_EQ(m.getField(F::Account), "ACC-ALPHA");
  EXPECT_EQ(m.getField(F::AccountType), "1");
  ASSERT_EQ(m.groupCount(F::NoPartyIDs), 1u);
  EXPECT_EQ(m.getGroupRef(1, F::NoPartyIDs).getField(F::PartyID), "ACC-ALPHA");
  EXPECT_EQ(m.getGroupRef(1, F::NoPartyIDs).getField(F::PartyIDSource), "D");
  EXPECT_EQ(m.getGroupRef(1, F::NoPartyIDs).getField(F::PartyRole), "24");
  EXPECT_EQ(m.getField(F::Symbol), "ESZ6");
  EXPECT_EQ(m.getField(F::Currency), "USD");
  EXPECT_EQ(m.getField(F::SettlPrice), "4987.5");
  EXPECT_EQ(m.getField(F::SettlPriceType), "2");
  EXPECT_EQ(m.getField(F::PriorSettlPrice), "5000.25");
  ASSERT_EQ(m.groupCount(F::NoPositions), 1u);
  const FIX::FieldMap& quantities = m.getGroupRef(1, F::NoPositions);
  EXPECT_EQ(quantities.getField(F::PosType), "TOT");
  EXPECT_EQ(quantities.getField(F::LongQty), "12");
  EXPECT_EQ(quantities.getField(F::ShortQty), "0");
  ASSERT_EQ(m.groupCount(F::NoPosAmt), 1u);
  const FIX::FieldMap& amounts = m.getGroupRef(1, F::NoPosAmt);
  EXPECT_EQ(amounts.getField(F::PosAmtType), "TVAR");
  EXPECT_EQ(amounts.getField(F::PosAmt), "-15300");
  // Inside groups QuickFIX checks no values: the enumerations are checked here.
  EXPECT_TRUE(dictionary().isFieldValue(F::PosType, "TOT"));
  EXPECT_TRUE(dictionary().isFieldValue(F::PosAmtType, "TVAR"));

  // A short position without a clearing date from the request: today's date (UTC).
  const std::string before = FIX::UtcDateConvertor::convert(FIX::UtcDate());
  position.reportId = "PRPT-2";
  position.clearingBusinessDate.clear();
  position.longQty = 0;
  position.shortQty = 250000000;  // 2.5
  position.unrealized = 37500000;  // 0.375
  ASSERT_TRUE(engine_->sendToClient(position));
  m = receive(*client, "AP");
  const std::string after = FIX::UtcDateConvertor::convert(FIX::UtcDate());
  const std::string date = m.getField(F::ClearingBusinessDate);
  EXPECT_TRUE(date == before || date == after) << date;
  EXPECT_EQ(m.getGroupRef(1, F::NoPositions).getField(F::LongQty), "0");
  EXPECT_EQ(m.getGroupRef(1, F::NoPositions).getField(F::ShortQty), "2.5");
  EXPECT_EQ(m.getGroupRef(1, F::NoPosAmt).getField(F::PosAmt), "0.375");

  // The client refused nothing, and sent no Reject of its own.
  for (const std::string& type : client->receivedTypes()) EXPECT_NE(type, "3");
  disconnect(*client);
}

TEST_F(FixEngineCollateralTest, NothingIsSentWithoutALoggedOnSessionOrARequiredId) {
  // CLIENT2 (session 1) never logs on; session 7 does not exist.
  for (bridge::SessionIndex session : {1u, 7u}) {
    bridge::CollateralRequestOut call;
    call.session = session;
    call.callId = "CALL-1";
    call.account = "ACC-BETA";
    EXPECT_FALSE(engine_->sendToClient(call));
    bridge::CollateralReportOut report;
    report.session = session;
    report.reportId = "R";
    report.account = "ACC-BETA";
    EXPECT_FALSE(engine_->sendToClient(report));
    bridge::CollateralInquiryAckOut ack;
    ack.session = session;
    ack.inquiryId = "I";
    EXPECT_FALSE(engine_->sendToClient(ack));
    bridge::CollateralResponseOut response;
    response.session = session;
    response.responseId = "C";
    response.assignmentId = "A";
    EXPECT_FALSE(engine_->sendToClient(response));
    bridge::PositionRequestAckOut positionsAck;
    positionsAck.session = session;
    positionsAck.reportId = "P";
    positionsAck.account = "ACC-BETA";
    EXPECT_FALSE(engine_->sendToClient(positionsAck));
    bridge::PositionReportOut position;
    position.session = session;
    position.reportId = "P";
    position.account = "ACC-BETA";
    position.symbol = "ESZ6";
    EXPECT_FALSE(engine_->sendToClient(position));
  }

  // Logged on, but an id the client's dictionary requires is empty: not sent (logged).
  std::unique_ptr<TestCounterparty> client = logOnClient();
  bridge::CollateralRequestOut call;
  call.account = "ACC-ALPHA";  // no callId
  EXPECT_FALSE(engine_->sendToClient(call));
  call.callId = "CALL-1";
  call.account.clear();
  EXPECT_FALSE(engine_->sendToClient(call));
  bridge::CollateralReportOut report;
  report.account = "ACC-ALPHA";  // no reportId
  EXPECT_FALSE(engine_->sendToClient(report));
  bridge::CollateralInquiryAckOut ack;  // no inquiryId
  EXPECT_FALSE(engine_->sendToClient(ack));
  bridge::CollateralResponseOut response;
  response.responseId = "C";  // no assignmentId
  EXPECT_FALSE(engine_->sendToClient(response));
  bridge::PositionRequestAckOut positionsAck;
  positionsAck.reportId = "P";  // no account (nor Parties)
  EXPECT_FALSE(engine_->sendToClient(positionsAck));
  bridge::PositionReportOut position;
  position.reportId = "P";
  position.account = "ACC-ALPHA";  // no symbol
  EXPECT_FALSE(engine_->sendToClient(position));
  disconnect(*client);
}

}  // namespace
}  // namespace fix
}  // namespace gateway
