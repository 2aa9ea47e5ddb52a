// The gateway's FIX 4.4 data dictionary (fix-config/FIX44-gateway.xml) as QuickFIX 1.15.1 reads it.
//
// Every message type the dictionary declares has a sample here. Each sample is built field by field,
// serialised, parsed back with the dictionary (which also checks BodyLength and CheckSum) and
// validated the way a QuickFIX session validates an inbound message. Then the failures: a missing
// required field, an unknown tag, a tag on the wrong message, a value outside an enumeration, a
// repeating group whose count lies.

#include <quickfix/DataDictionary.h>
#include <quickfix/Exceptions.h>
#include <quickfix/FixFieldNumbers.h>
#include <quickfix/Group.h>
#include <quickfix/Message.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace F = FIX::FIELD;

// The gateway's user-defined tags (see the dictionary's <fields> section).
constexpr int kMaintenanceMargin = 5001;
constexpr int kInitialMargin = 5002;
constexpr int kDeficitToMaintenance = 5003;
constexpr int kMarginHealth = 5004;
constexpr int kMarginState = 5005;
constexpr int kRiskRejectCode = 5006;
constexpr int kAvailableFunds = 5007;
constexpr int kAmountToCure = 5008;

const FIX::DataDictionary& dictionary() {
  static const FIX::DataDictionary dd{std::string(GATEWAY_DICTIONARY)};
  return dd;
}

// A message with a complete FIX 4.4 header.
FIX::Message newMessage(const std::string& msgType) {
  FIX::Message message;
  FIX::Header& header = message.getHeader();
  header.setField(F::BeginString, "FIX.4.4");
  header.setField(F::MsgType, msgType);
  header.setField(F::SenderCompID, "RISKGW");
  header.setField(F::TargetCompID, "CLIENT1");
  header.setField(F::MsgSeqNum, "42");
  header.setField(F::SendingTime, "20260105-14:30:00.123");
  return message;
}

// A repeating group laid out as the dictionary defines it for this message (delimiter and order).
FIX::Group newGroup(const std::string& msgType, int countTag) {
  int delimiter = 0;
  const FIX::DataDictionary* groupDictionary = nullptr;
  if (!dictionary().getGroup(msgType, countTag, delimiter, groupDictionary)) {
    throw std::logic_error("no group " + std::to_string(countTag) + " on " + msgType);
  }
  return FIX::Group(countTag, delimiter, groupDictionary->getOrderedFields());
}

// What a session does with an inbound message: parse with the dictionary, then validate it.
FIX::Message parseAndValidate(const std::string& wire) {
  FIX::Message parsed(wire, dictionary(), true);
  dictionary().validate(parsed);
  return parsed;
}

// Serialises, parses back, validates; the wire form must survive unchanged.
FIX::Message roundTrip(const FIX::Message& message) {
  const std::string wire = message.toString();
  FIX::Message parsed = parseAndValidate(wire);
  EXPECT_EQ(parsed.toString(), wire);
  return parsed;
}

// Removes a repeating group with its count (Message hides FieldMap::removeGroup(tag)).
void removeAllGroups(FIX::Message& message, int countTag) {
  static_cast<FIX::FieldMap&>(message).removeGroup(countTag);
  message.removeField(countTag);
}

// ---- Samples, one (or more) per message type ----------------------------------------------------

void addParties(FIX::Message& message, const std::string& msgType) {
  FIX::Group party = newGroup(msgType, F::NoPartyIDs);
  party.setField(F::PartyID, "ACC-1001");
  party.setField(F::PartyIDSource, "D");
  party.setField(F::PartyRole, "38");
  message.addGroup(party);
  party.setField(F::PartyID, "CLEARCO");
  party.setField(F::PartyRole, "4");
  message.addGroup(party);
}

void addMarginFigures(FIX::Message& message) {
  message.setField(kMaintenanceMargin, "41250.00");
  message.setField(kInitialMargin, "82500.00");
  message.setField(kDeficitToMaintenance, "1250.50");
  message.setField(kMarginHealth, "0.9697");
  message.setField(kMarginState, "CALL");
  message.setField(kAvailableFunds, "-42500.50");
  message.setField(kAmountToCure, "42500.50");
}

FIX::Message heartbeat() {
  FIX::Message m = newMessage("0");
  m.setField(F::TestReqID, "TEST-7");
  return m;
}

FIX::Message testRequest() {
  FIX::Message m = newMessage("1");
  m.setField(F::TestReqID, "TEST-7");
  return m;
}

FIX::Message resendRequest() {
  FIX::Message m = newMessage("2");
  m.setField(F::BeginSeqNo, "10");
  m.setField(F::EndSeqNo, "0");
  return m;
}

FIX::Message reject() {
  FIX::Message m = newMessage("3");
  m.setField(F::RefSeqNum, "17");
  m.setField(F::RefTagID, "40");
  m.setField(F::RefMsgType, "D");
  m.setField(F::SessionRejectReason, "5");
  m.setField(F::Text, "Value is incorrect (out of range) for this tag");
  return m;
}

FIX::Message sequenceReset() {
  FIX::Message m = newMessage("4");
  m.getHeader().setField(F::PossDupFlag, "Y");
  m.getHeader().setField(F::OrigSendingTime, "20260105-14:29:58.000");
  m.setField(F::GapFillFlag, "Y");
  m.setField(F::NewSeqNo, "20");
  return m;
}

FIX::Message logout() {
  FIX::Message m = newMessage("5");
  m.setField(F::Text, "end of day");
  return m;
}

FIX::Message logon() {
  FIX::Message m = newMessage("A");
  m.getHeader().setField(F::SenderSubID, "DESK1");
  m.getHeader().setField(F::LastMsgSeqNumProcessed, "41");
  m.setField(F::EncryptMethod, "0");
  m.setField(F::HeartBtInt, "30");
  m.setField(F::ResetSeqNumFlag, "N");
  m.setField(F::NextExpectedMsgSeqNum, "12");
  m.setField(F::Username, "client1");
  m.setField(F::Password, "s3cret");
  return m;
}

FIX::Message newOrderSingle() {
  FIX::Message m = newMessage("D");
  m.getHeader().setField(F::OnBehalfOfCompID, "FUND7");
  m.setField(F::ClOrdID, "ORD-1");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::ExecInst, "6");
  m.setField(F::Symbol, "ESZ6");
  m.setField(F::Side, "1");
  m.setField(F::TransactTime, "20260105-14:30:00.120");
  m.setField(F::OrderQty, "5");
  m.setField(F::OrdType, "2");
  m.setField(F::Price, "5000.25");
  m.setField(F::TimeInForce, "0");
  m.setField(F::Text, "opening");
  return m;
}

FIX::Message orderCancelRequest() {
  FIX::Message m = newMessage("F");
  m.setField(F::OrigClOrdID, "ORD-1");
  m.setField(F::ClOrdID, "ORD-2");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Symbol, "ESZ6");
  m.setField(F::Side, "1");
  m.setField(F::TransactTime, "20260105-14:31:00.000");
  m.setField(F::OrderQty, "5");
  return m;
}

FIX::Message orderCancelReplaceRequest() {
  FIX::Message m = newMessage("G");
  m.setField(F::OrigClOrdID, "ORD-1");
  m.setField(F::ClOrdID, "ORD-3");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Symbol, "ESZ6");
  m.setField(F::Side, "1");
  m.setField(F::TransactTime, "20260105-14:32:00.000");
  m.setField(F::OrderQty, "8");
  m.setField(F::OrdType, "2");
  m.setField(F::Price, "4999.75");
  m.setField(F::TimeInForce, "1");
  return m;
}

// The gateway's own pre-trade reject.
FIX::Message executionReportRiskReject() {
  FIX::Message m = newMessage("8");
  m.setField(F::OrderID, "NONE");
  m.setField(F::ClOrdID, "ORD-1");
  m.setField(F::ExecID, "RGW-REJ-1");
  m.setField(F::ExecType, "8");
  m.setField(F::OrdStatus, "8");
  m.setField(F::OrdRejReason, "15");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Symbol, "ESZ6");
  m.setField(F::Side, "1");
  m.setField(F::OrderQty, "5");
  m.setField(F::OrdType, "2");
  m.setField(F::Price, "5000.25");
  m.setField(F::TimeInForce, "0");
  m.setField(F::LeavesQty, "0");
  m.setField(F::CumQty, "0");
  m.setField(F::AvgPx, "0");
  m.setField(F::TransactTime, "20260105-14:30:00.125");
  m.setField(F::Text, "UNKNOWN_ACCOUNT: account=ACC-1001");
  m.setField(kRiskRejectCode, "UNKNOWN_ACCOUNT");
  return m;
}

// A venue fill, passed on to the client.
FIX::Message executionReportFill() {
  FIX::Message m = newMessage("8");
  m.setField(F::OrderID, "VEN-88");
  m.setField(F::ClOrdID, "ORD-1");
  m.setField(F::ExecID, "VEN-EX-5");
  m.setField(F::ExecType, "F");
  m.setField(F::OrdStatus, "1");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Symbol, "ESZ6");
  m.setField(F::Side, "1");
  m.setField(F::OrderQty, "5");
  m.setField(F::LastQty, "2");
  m.setField(F::LastPx, "5000.25");
  m.setField(F::LeavesQty, "3");
  m.setField(F::CumQty, "2");
  m.setField(F::AvgPx, "5000.25");
  m.setField(F::TransactTime, "20260105-14:30:01.000");
  m.setField(F::Commission, "4.20");
  m.setField(F::CommType, "3");
  return m;
}

// A resting order cancelled by the risk system.
FIX::Message executionReportRiskCancel() {
  FIX::Message m = newMessage("8");
  m.setField(F::OrderID, "VEN-88");
  m.setField(F::ClOrdID, "RGW-CXL-9");
  m.setField(F::OrigClOrdID, "ORD-1");
  m.setField(F::ExecID, "VEN-EX-6");
  m.setField(F::ExecType, "4");
  m.setField(F::OrdStatus, "4");
  m.setField(F::ExecRestatementReason, "4");
  m.setField(F::Symbol, "ESZ6");
  m.setField(F::Side, "1");
  m.setField(F::LeavesQty, "0");
  m.setField(F::CumQty, "2");
  m.setField(F::AvgPx, "5000.25");
  m.setField(F::Text, "cancelled by risk: account in liquidation");
  return m;
}

FIX::Message orderCancelReject() {
  FIX::Message m = newMessage("9");
  m.setField(F::OrderID, "VEN-88");
  m.setField(F::ClOrdID, "ORD-3");
  m.setField(F::OrigClOrdID, "ORD-1");
  m.setField(F::OrdStatus, "0");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::CxlRejResponseTo, "2");
  m.setField(F::CxlRejReason, "99");
  m.setField(F::Text, "ACCOUNT_IN_CALL: equity=40000 maintenance=41250");
  m.setField(kRiskRejectCode, "ACCOUNT_IN_CALL");
  return m;
}

FIX::Message businessMessageReject() {
  FIX::Message m = newMessage("j");
  m.setField(F::RefSeqNum, "18");
  m.setField(F::RefMsgType, "AN");
  m.setField(F::BusinessRejectRefID, "POS-REQ-1");
  m.setField(F::BusinessRejectReason, "6");
  m.setField(F::Text, "not authorised for that account");
  return m;
}

FIX::Message marketDataRequest() {
  FIX::Message m = newMessage("V");
  m.setField(F::MDReqID, "MD-1");
  m.setField(F::SubscriptionRequestType, "1");
  m.setField(F::MarketDepth, "1");
  m.setField(F::MDUpdateType, "1");
  FIX::Group entryType = newGroup("V", F::NoMDEntryTypes);
  for (const char* type : {"0", "1", "2"}) {
    entryType.setField(F::MDEntryType, type);
    m.addGroup(entryType);
  }
  FIX::Group symbol = newGroup("V", F::NoRelatedSym);
  for (const char* name : {"ESZ6", "AAPL"}) {
    symbol.setField(F::Symbol, name);
    m.addGroup(symbol);
  }
  return m;
}

FIX::Message marketDataSnapshot() {
  FIX::Message m = newMessage("W");
  m.setField(F::MDReqID, "MD-1");
  m.setField(F::Symbol, "ESZ6");
  FIX::Group entry = newGroup("W", F::NoMDEntries);
  entry.setField(F::MDEntryType, "0");
  entry.setField(F::MDEntryPx, "5000.25");
  entry.setField(F::MDEntrySize, "10");
  entry.setField(F::MDEntryTime, "14:30:00.100");
  m.addGroup(entry);
  entry.setField(F::MDEntryType, "1");
  entry.setField(F::MDEntryPx, "5000.50");
  entry.setField(F::MDEntrySize, "12");
  entry.setField(F::MDEntryTime, "14:30:00.101");
  m.addGroup(entry);
  return m;
}

FIX::Message marketDataIncremental() {
  FIX::Message m = newMessage("X");
  m.setField(F::MDReqID, "MD-1");
  FIX::Group trade = newGroup("X", F::NoMDEntries);
  trade.setField(F::MDUpdateAction, "0");
  trade.setField(F::MDEntryType, "2");
  trade.setField(F::Symbol, "ESZ6");
  trade.setField(F::MDEntryPx, "5000.50");
  trade.setField(F::MDEntrySize, "3");
  m.addGroup(trade);
  FIX::Group deletedBid = newGroup("X", F::NoMDEntries);
  deletedBid.setField(F::MDUpdateAction, "2");
  deletedBid.setField(F::MDEntryType, "0");
  deletedBid.setField(F::Symbol, "ESZ6");
  m.addGroup(deletedBid);
  return m;
}

FIX::Message marketDataRequestReject() {
  FIX::Message m = newMessage("Y");
  m.setField(F::MDReqID, "MD-2");
  m.setField(F::MDReqRejReason, "0");
  m.setField(F::Text, "unknown symbol XYZ");
  return m;
}

FIX::Message collateralRequest() {
  FIX::Message m = newMessage("AX");
  m.setField(F::CollReqID, "CALL-1");
  m.setField(F::CollAsgnReason, "3");
  m.setField(F::TransactTime, "20260105-14:30:00.200");
  m.setField(F::ExpireTime, "20260105-15:30:00.200");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Currency, "USD");
  m.setField(F::MarginExcess, "-42500.50");
  m.setField(F::TotalNetValue, "40000.00");
  m.setField(F::Text, "margin call: deposit 42500.50 USD by 15:30 UTC");
  addMarginFigures(m);
  return m;
}

FIX::Message collateralAssignment() {
  FIX::Message m = newMessage("AY");
  m.setField(F::CollAsgnID, "DEP-1");
  m.setField(F::CollReqID, "CALL-1");
  m.setField(F::CollAsgnReason, "3");
  m.setField(F::CollAsgnTransType, "0");
  m.setField(F::TransactTime, "20260105-14:45:00.000");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Quantity, "45000.00");
  m.setField(F::QtyType, "0");
  m.setField(F::Currency, "USD");
  m.setField(F::Text, "wire sent");
  return m;
}

FIX::Message collateralResponse() {
  FIX::Message m = newMessage("AZ");
  m.setField(F::CollRespID, "RESP-1");
  m.setField(F::CollAsgnID, "DEP-1");
  m.setField(F::CollReqID, "CALL-1");
  m.setField(F::CollAsgnReason, "3");
  m.setField(F::CollAsgnRespType, "0");
  m.setField(F::TransactTime, "20260105-14:45:00.010");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Text, "received; counts when the broker confirms the funds");
  return m;
}

FIX::Message collateralInquiry() {
  FIX::Message m = newMessage("BB");
  m.setField(F::CollInquiryID, "INQ-1");
  m.setField(F::SubscriptionRequestType, "1");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::TransactTime, "20260105-14:30:05.000");
  return m;
}

FIX::Message collateralInquiryAck() {
  FIX::Message m = newMessage("BG");
  m.setField(F::CollInquiryID, "INQ-1");
  m.setField(F::CollInquiryStatus, "0");
  m.setField(F::CollInquiryResult, "0");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::TotNumReports, "1");
  return m;
}

FIX::Message collateralReport() {
  FIX::Message m = newMessage("BA");
  m.setField(F::CollRptID, "RPT-1");
  m.setField(F::CollInquiryID, "INQ-1");
  m.setField(F::CollStatus, "2");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::Currency, "USD");
  m.setField(F::MarginExcess, "-42500.50");
  m.setField(F::TotalNetValue, "40000.00");
  m.setField(F::CashOutstanding, "42500.50");
  m.setField(F::TransactTime, "20260105-14:45:00.020");
  addMarginFigures(m);
  return m;
}

FIX::Message requestForPositions() {
  FIX::Message m = newMessage("AN");
  m.setField(F::PosReqID, "POS-REQ-1");
  m.setField(F::PosReqType, "0");
  addParties(m, "AN");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::AccountType, "1");
  m.setField(F::ClearingBusinessDate, "20260105");
  m.setField(F::TransactTime, "20260105-14:30:06.000");
  return m;
}

FIX::Message requestForPositionsAck() {
  FIX::Message m = newMessage("AO");
  m.setField(F::PosMaintRptID, "POS-ACK-1");
  m.setField(F::PosReqID, "POS-REQ-1");
  m.setField(F::TotalNumPosReports, "2");
  m.setField(F::PosReqResult, "0");
  m.setField(F::PosReqStatus, "0");
  addParties(m, "AO");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::AccountType, "1");
  return m;
}

FIX::Message positionReport() {
  FIX::Message m = newMessage("AP");
  m.setField(F::PosMaintRptID, "POS-RPT-1");
  m.setField(F::PosReqID, "POS-REQ-1");
  m.setField(F::TotalNumPosReports, "2");
  m.setField(F::PosReqResult, "0");
  m.setField(F::ClearingBusinessDate, "20260105");
  addParties(m, "AP");
  m.setField(F::Account, "ACC-1001");
  m.setField(F::AccountType, "1");
  m.setField(F::Symbol, "ESZ6");
  m.setField(F::Currency, "USD");
  m.setField(F::SettlPrice, "4987.50");
  m.setField(F::SettlPriceType, "2");
  m.setField(F::PriorSettlPrice, "5010.00");
  FIX::Group position = newGroup("AP", F::NoPositions);
  position.setField(F::PosType, "SOD");
  position.setField(F::LongQty, "10");
  position.setField(F::ShortQty, "0");
  m.addGroup(position);
  position.setField(F::PosType, "FIN");
  position.setField(F::LongQty, "12");
  position.setField(F::ShortQty, "0");
  m.addGroup(position);
  FIX::Group amount = newGroup("AP", F::NoPosAmt);
  amount.setField(F::PosAmtType, "IMTM");
  amount.setField(F::PosAmt, "-13500.00");
  m.addGroup(amount);
  return m;
}

struct Sample {
  const char* name;
  const char* msgType;
  FIX::Message (*build)();
};

void PrintTo(const Sample& sample, std::ostream* os) { *os << sample.name; }

const std::vector<Sample>& samples() {
  static const std::vector<Sample> all = {
      {"Heartbeat", "0", heartbeat},
      {"TestRequest", "1", testRequest},
      {"ResendRequest", "2", resendRequest},
      {"Reject", "3", reject},
      {"SequenceReset", "4", sequenceReset},
      {"Logout", "5", logout},
      {"Logon", "A", logon},
      {"NewOrderSingle", "D", newOrderSingle},
      {"OrderCancelRequest", "F", orderCancelRequest},
      {"OrderCancelReplaceRequest", "G", orderCancelReplaceRequest},
      {"ExecutionReportRiskReject", "8", executionReportRiskReject},
      {"ExecutionReportFill", "8", executionReportFill},
      {"ExecutionReportRiskCancel", "8", executionReportRiskCancel},
      {"OrderCancelReject", "9", orderCancelReject},
      {"BusinessMessageReject", "j", businessMessageReject},
      {"MarketDataRequest", "V", marketDataRequest},
      {"MarketDataSnapshotFullRefresh", "W", marketDataSnapshot},
      {"MarketDataIncrementalRefresh", "X", marketDataIncremental},
      {"MarketDataRequestReject", "Y", marketDataRequestReject},
      {"CollateralRequest", "AX", collateralRequest},
      {"CollateralAssignment", "AY", collateralAssignment},
      {"CollateralResponse", "AZ", collateralResponse},
      {"CollateralInquiry", "BB", collateralInquiry},
      {"CollateralInquiryAck", "BG", collateralInquiryAck},
      {"CollateralReport", "BA", collateralReport},
      {"RequestForPositions", "AN", requestForPositions},
      {"RequestForPositionsAck", "AO", requestForPositionsAck},
      {"PositionReport", "AP", positionReport},
  };
  return all;
}

// The failure a validation raised, as "<exception type> <tag>", or "valid".
template <typename Build>
std::string validationOutcome(Build build) {
  try {
    parseAndValidate(build().toString());
    return "valid";
  } catch (const FIX::RequiredTagMissing& e) {
    return "RequiredTagMissing " + std::to_string(e.field);
  } catch (const FIX::InvalidTagNumber& e) {
    return "InvalidTagNumber " + std::to_string(e.field);
  } catch (const FIX::TagNotDefinedForMessage& e) {
    return "TagNotDefinedForMessage " + std::to_string(e.field);
  } catch (const FIX::IncorrectTagValue& e) {
    return "IncorrectTagValue " + std::to_string(e.field);
  } catch (const FIX::IncorrectDataFormat& e) {
    return "IncorrectDataFormat " + std::to_string(e.field);
  } catch (const FIX::RepeatingGroupCountMismatch& e) {
    return "RepeatingGroupCountMismatch " + std::to_string(e.field);
  } catch (const FIX::Exception& e) {
    return std::string("other FIX exception: ") + e.what();
  }
}

// ---- The dictionary itself ----------------------------------------------------------------------

TEST(GatewayDataDictionary, LoadsAsFix44) {
  ASSERT_NO_THROW(dictionary());
  EXPECT_EQ(dictionary().getVersion(), "FIX.4.4");
}

TEST(GatewayDataDictionary, DeclaresExactlyTheGatewayMessages) {
  const std::set<std::string> expected = {"0", "1", "2", "3", "4", "5", "A", "D", "F", "G",
                                          "8", "9", "j", "V", "W", "X", "Y", "AX", "AY", "AZ",
                                          "BB", "BG", "BA", "AN", "AO", "AP"};
  for (const std::string& msgType : expected) {
    EXPECT_TRUE(dictionary().isMsgType(msgType)) << msgType;
  }
  for (const char* absent : {"H", "AE", "AF", "AM", "AU", "AW", "BN", "R", "S"}) {
    EXPECT_FALSE(dictionary().isMsgType(absent)) << absent;
  }
  // Every declared message has a sample below, and MsgType's enumeration lists the same set.
  std::set<std::string> sampled;
  for (const Sample& sample : samples()) sampled.insert(sample.msgType);
  EXPECT_EQ(sampled, expected);
  for (const std::string& msgType : expected) {
    EXPECT_TRUE(dictionary().isFieldValue(F::MsgType, msgType)) << msgType;
  }
}

TEST(GatewayDataDictionary, UserDefinedFieldsHaveTheirNamesAndTypes) {
  const struct {
    int tag;
    const char* name;
    FIX::TYPE::Type type;
  } expected[] = {
      {kMaintenanceMargin, "MaintenanceMargin", FIX::TYPE::Amt},
      {kInitialMargin, "InitialMargin", FIX::TYPE::Amt},
      {kDeficitToMaintenance, "DeficitToMaintenance", FIX::TYPE::Amt},
      {kMarginHealth, "MarginHealth", FIX::TYPE::Float},
      {kMarginState, "MarginState", FIX::TYPE::String},
      {kRiskRejectCode, "RiskRejectCode", FIX::TYPE::String},
      {kAvailableFunds, "AvailableFunds", FIX::TYPE::Amt},
      {kAmountToCure, "AmountToCure", FIX::TYPE::Amt},
  };
  for (const auto& field : expected) {
    std::string name;
    ASSERT_TRUE(dictionary().getFieldName(field.tag, name)) << field.tag;
    EXPECT_EQ(name, field.name);
    FIX::TYPE::Type type = FIX::TYPE::Unknown;
    ASSERT_TRUE(dictionary().getFieldType(field.tag, type)) << field.tag;
    EXPECT_EQ(type, field.type) << field.name;
  }
  for (const char* state : {"NORMAL", "WARNING", "CALL", "LIQUIDATION"}) {
    EXPECT_TRUE(dictionary().isFieldValue(kMarginState, state)) << state;
  }
}

// FIX 4.4 facts the dictionary encodes.
TEST(GatewayDataDictionary, EnumerationsFollowFix44) {
  // OrdRejReason 15 (unknown account) and 99 (other) are FIX 4.4 values.
  for (const char* value : {"0", "1", "3", "5", "6", "11", "13", "15", "99"}) {
    EXPECT_TRUE(dictionary().isFieldValue(F::OrdRejReason, value)) << value;
  }
  EXPECT_FALSE(dictionary().isFieldValue(F::OrdRejReason, "18"));  // an extension pack, not 4.4
  // ExecType: 1 and 2 are replaced by F (trade) in FIX 4.4; OrdStatus 5 is no longer used.
  EXPECT_TRUE(dictionary().isFieldValue(F::ExecType, "F"));
  EXPECT_FALSE(dictionary().isFieldValue(F::ExecType, "1"));
  EXPECT_FALSE(dictionary().isFieldValue(F::ExecType, "2"));
  EXPECT_FALSE(dictionary().isFieldValue(F::OrdStatus, "5"));
  // The order types and times in force the risk core handles.
  EXPECT_FALSE(dictionary().isFieldValue(F::OrdType, "3"));
  EXPECT_FALSE(dictionary().isFieldValue(F::TimeInForce, "6"));
}

// ---- Every message type round-trips and validates -----------------------------------------------

class EveryMessage : public ::testing::TestWithParam<Sample> {};

TEST_P(EveryMessage, SerialisesParsesAndValidates) {
  const Sample& sample = GetParam();
  const FIX::Message built = sample.build();
  FIX::Message parsed;
  ASSERT_NO_THROW(parsed = roundTrip(built)) << validationOutcome(sample.build);
  EXPECT_EQ(parsed.getHeader().getField(F::MsgType), sample.msgType);
}

INSTANTIATE_TEST_SUITE_P(GatewayDataDictionary, EveryMessage, ::testing::ValuesIn(samples()),
                         [](const ::testing::TestParamInfo<Sample>& info) {
                           return std::string(info.param.name);
                         });

// ---- Repeating groups come back entry by entry --------------------------------------------------

TEST(GatewayDataDictionaryGroups, SnapshotWithTwoEntries) {
  const FIX::Message parsed = roundTrip(marketDataSnapshot());
  ASSERT_EQ(parsed.groupCount(F::NoMDEntries), 2u);
  EXPECT_EQ(parsed.getField(F::NoMDEntries), "2");
  const FIX::FieldMap& bid = parsed.getGroupRef(1, F::NoMDEntries);
  EXPECT_EQ(bid.getField(F::MDEntryType), "0");
  EXPECT_EQ(bid.getField(F::MDEntryPx), "5000.25");
  EXPECT_EQ(bid.getField(F::MDEntrySize), "10");
  const FIX::FieldMap& offer = parsed.getGroupRef(2, F::NoMDEntries);
  EXPECT_EQ(offer.getField(F::MDEntryType), "1");
  EXPECT_EQ(offer.getField(F::MDEntryPx), "5000.50");
  EXPECT_EQ(offer.getField(F::MDEntryTime), "14:30:00.101");
  // Symbol names the whole snapshot, outside the group.
  EXPECT_EQ(parsed.getField(F::Symbol), "ESZ6");
}

TEST(GatewayDataDictionaryGroups, IncrementalEntriesCarryTheirSymbol) {
  const FIX::Message parsed = roundTrip(marketDataIncremental());
  ASSERT_EQ(parsed.groupCount(F::NoMDEntries), 2u);
  const FIX::FieldMap& trade = parsed.getGroupRef(1, F::NoMDEntries);
  EXPECT_EQ(trade.getField(F::MDUpdateAction), "0");
  EXPECT_EQ(trade.getField(F::MDEntryType), "2");
  EXPECT_EQ(trade.getField(F::Symbol), "ESZ6");
  EXPECT_EQ(trade.getField(F::MDEntrySize), "3");
  const FIX::FieldMap& deleted = parsed.getGroupRef(2, F::NoMDEntries);
  EXPECT_EQ(deleted.getField(F::MDUpdateAction), "2");
  EXPECT_FALSE(deleted.isSetField(F::MDEntryPx));
  // The delimiter of X's entries is MDUpdateAction: it leads each entry on the wire.
  const std::string wire = marketDataIncremental().toString();
  EXPECT_NE(wire.find("\001268=2\001279=0\001269=2\00155=ESZ6\001"), std::string::npos);
}

TEST(GatewayDataDictionaryGroups, RequestWithEntryTypesAndSymbols) {
  const FIX::Message parsed = roundTrip(marketDataRequest());
  ASSERT_EQ(parsed.groupCount(F::NoMDEntryTypes), 3u);
  EXPECT_EQ(parsed.getGroupRef(3, F::NoMDEntryTypes).getField(F::MDEntryType), "2");
  ASSERT_EQ(parsed.groupCount(F::NoRelatedSym), 2u);
  EXPECT_EQ(parsed.getGroupRef(2, F::NoRelatedSym).getField(F::Symbol), "AAPL");
  EXPECT_FALSE(parsed.isSetField(F::Symbol));  // only inside the group
}

TEST(GatewayDataDictionaryGroups, PositionRequestParties) {
  const FIX::Message parsed = roundTrip(requestForPositions());
  ASSERT_EQ(parsed.groupCount(F::NoPartyIDs), 2u);
  const FIX::FieldMap& account = parsed.getGroupRef(1, F::NoPartyIDs);
  EXPECT_EQ(account.getField(F::PartyID), "ACC-1001");
  EXPECT_EQ(account.getField(F::PartyIDSource), "D");
  EXPECT_EQ(account.getField(F::PartyRole), "38");
  EXPECT_EQ(parsed.getGroupRef(2, F::NoPartyIDs).getField(F::PartyID), "CLEARCO");
}

TEST(GatewayDataDictionaryGroups, PositionReportQuantitiesAndAmounts) {
  const FIX::Message parsed = roundTrip(positionReport());
  ASSERT_EQ(parsed.groupCount(F::NoPositions), 2u);
  const FIX::FieldMap& current = parsed.getGroupRef(2, F::NoPositions);
  EXPECT_EQ(current.getField(F::PosType), "FIN");
  EXPECT_EQ(current.getField(F::LongQty), "12");
  EXPECT_EQ(current.getField(F::ShortQty), "0");
  ASSERT_EQ(parsed.groupCount(F::NoPosAmt), 1u);
  EXPECT_EQ(parsed.getGroupRef(1, F::NoPosAmt).getField(F::PosAmt), "-13500.00");
  ASSERT_EQ(parsed.groupCount(F::NoPartyIDs), 2u);
}

// ---- Required fields ----------------------------------------------------------------------------

TEST(GatewayDataDictionaryRequired, OrderWithoutSideFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newOrderSingle();
              m.removeField(F::Side);
              return m;
            }),
            "RequiredTagMissing 54");
}

TEST(GatewayDataDictionaryRequired, OrderWithoutSymbolOrQuantityFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newOrderSingle();
              m.removeField(F::Symbol);
              return m;
            }),
            "RequiredTagMissing 55");
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newOrderSingle();
              m.removeField(F::OrderQty);
              return m;
            }),
            "RequiredTagMissing 38");
}

TEST(GatewayDataDictionaryRequired, ExecutionReportWithoutLeavesQtyFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = executionReportFill();
              m.removeField(F::LeavesQty);
              return m;
            }),
            "RequiredTagMissing 151");
}

TEST(GatewayDataDictionaryRequired, MarginCallWithoutReasonFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = collateralRequest();
              m.removeField(F::CollAsgnReason);
              return m;
            }),
            "RequiredTagMissing 895");
}

TEST(GatewayDataDictionaryRequired, PositionRequestWithoutPartiesFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = requestForPositions();
              removeAllGroups(m, F::NoPartyIDs);
              return m;
            }),
            "RequiredTagMissing 453");
}

TEST(GatewayDataDictionaryRequired, PositionReportWithoutPositionsFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = positionReport();
              removeAllGroups(m, F::NoPositions);
              return m;
            }),
            "RequiredTagMissing 702");
}

TEST(GatewayDataDictionaryRequired, PositionAmountWithoutAmountFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = positionReport();
              removeAllGroups(m, F::NoPosAmt);
              FIX::Group amount = newGroup("AP", F::NoPosAmt);
              amount.setField(F::PosAmtType, "IMTM");
              m.addGroup(amount);
              return m;
            }),
            "RequiredTagMissing 708");
}

// QuickFIX 1.15.1 quirk: DataDictionary reads required="Y" in <header> and <trailer> as optional
// (it only honours "true"), so validate() lets a header without SendingTime through. The session
// enforces the header itself (Session::verify rejects a missing SendingTime or MsgSeqNum with
// SessionRejectReason 1). If this starts failing, QuickFIX now checks the header too.
TEST(GatewayDataDictionaryRequired, HeaderRequirementsAreLeftToTheSession) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = heartbeat();
              m.getHeader().removeField(F::SendingTime);
              return m;
            }),
            "valid");
}

// What FIX 4.4 leaves optional on a message a counterparty sends stays optional.
TEST(GatewayDataDictionaryRequired, Fix44OptionalFieldsMayBeOmitted) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newMessage("D");
              m.setField(F::ClOrdID, "ORD-9");
              m.setField(F::Symbol, "ESZ6");
              m.setField(F::Side, "2");
              m.setField(F::TransactTime, "20260105-14:30:00.000");
              m.setField(F::OrderQty, "1");
              m.setField(F::OrdType, "1");
              return m;
            }),
            "valid");
  EXPECT_EQ(validationOutcome([] { return newMessage("BB"); }), "valid");
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newMessage("AY");
              m.setField(F::CollAsgnID, "DEP-2");
              m.setField(F::CollAsgnReason, "3");
              m.setField(F::CollAsgnTransType, "0");
              m.setField(F::TransactTime, "20260105-14:45:00.000");
              return m;
            }),
            "valid");
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newMessage("F");
              m.setField(F::OrigClOrdID, "ORD-1");
              m.setField(F::ClOrdID, "ORD-2");
              m.setField(F::Symbol, "ESZ6");
              m.setField(F::Side, "1");
              m.setField(F::TransactTime, "20260105-14:31:00.000");
              return m;
            }),
            "valid");
}

// ---- Tags the dictionary does not allow ---------------------------------------------------------

TEST(GatewayDataDictionaryTags, UnknownStandardTagFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newOrderSingle();
              m.setField(F::SecurityExchange, "XCME");  // 207: not in this dictionary
              return m;
            }),
            "InvalidTagNumber 207");
}

TEST(GatewayDataDictionaryTags, UnknownUserDefinedTagFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = collateralRequest();
              m.setField(5999, "1");
              return m;
            }),
            "InvalidTagNumber 5999");
}

TEST(GatewayDataDictionaryTags, KnownTagOnTheWrongMessageFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newOrderSingle();
              m.setField(kMaintenanceMargin, "100");
              return m;
            }),
            "TagNotDefinedForMessage 5001");
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = collateralRequest();
              m.setField(kRiskRejectCode, "INSUFFICIENT_MARGIN");
              return m;
            }),
            "TagNotDefinedForMessage 5006");
}

TEST(GatewayDataDictionaryTags, UserDefinedMarginFieldsOnMarginCallPass) {
  const FIX::Message parsed = roundTrip(collateralRequest());
  EXPECT_EQ(parsed.getField(kMaintenanceMargin), "41250.00");
  EXPECT_EQ(parsed.getField(kInitialMargin), "82500.00");
  EXPECT_EQ(parsed.getField(kDeficitToMaintenance), "1250.50");
  EXPECT_EQ(parsed.getField(kMarginHealth), "0.9697");
  EXPECT_EQ(parsed.getField(kMarginState), "CALL");
  EXPECT_EQ(parsed.getField(kAvailableFunds), "-42500.50");
  EXPECT_EQ(parsed.getField(kAmountToCure), "42500.50");
  // The same figures on a CollateralReport, and the denial code on both reject messages.
  EXPECT_EQ(roundTrip(collateralReport()).getField(kMarginState), "CALL");
  EXPECT_EQ(roundTrip(executionReportRiskReject()).getField(kRiskRejectCode), "UNKNOWN_ACCOUNT");
  EXPECT_EQ(roundTrip(orderCancelReject()).getField(kRiskRejectCode), "ACCOUNT_IN_CALL");
}

// ---- Values and formats -------------------------------------------------------------------------

TEST(GatewayDataDictionaryValues, ValueOutsideAnEnumerationFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newOrderSingle();
              m.setField(F::OrdType, "3");  // stop: not handled by the risk core
              return m;
            }),
            "IncorrectTagValue 40");
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = collateralRequest();
              m.setField(kMarginState, "PANIC");
              return m;
            }),
            "IncorrectTagValue 5005");
}

TEST(GatewayDataDictionaryValues, BadNumberFails) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = collateralRequest();
              m.setField(kMaintenanceMargin, "12,50");
              return m;
            }),
            "IncorrectDataFormat 5001");
}

TEST(GatewayDataDictionaryValues, GroupCountThatLiesFails) {
  std::string wire = marketDataSnapshot().toString();
  // Claim three entries, carry two, and repair BodyLength and CheckSum so that only the count lies.
  const std::string::size_type count = wire.find("\001268=2\001");
  ASSERT_NE(count, std::string::npos);
  wire[count + 5] = '3';
  const std::string::size_type checksum = wire.rfind("10=");
  std::string body = wire.substr(0, checksum);
  unsigned sum = 0;
  for (unsigned char c : body) sum += c;
  char trailer[8];
  std::snprintf(trailer, sizeof trailer, "10=%03u\001", sum % 256);
  wire = body + trailer;
  std::string outcome;
  try {
    parseAndValidate(wire);
    outcome = "valid";
  } catch (const FIX::RepeatingGroupCountMismatch& e) {
    outcome = "RepeatingGroupCountMismatch " + std::to_string(e.field);
  } catch (const FIX::Exception& e) {
    outcome = std::string("other: ") + e.what();
  }
  EXPECT_EQ(outcome, "RepeatingGroupCountMismatch 268");
}

// QuickFIX 1.15.1 quirk: values and formats inside repeating groups are not checked (required
// fields inside a group are). The gateway must check MDEntryType, MDUpdateAction, MDEntryPx, PosType,
// PosAmtType and PartyRole itself. If this starts failing, QuickFIX now checks groups too.
TEST(GatewayDataDictionaryValues, ValuesInsideGroupsAreNotCheckedByQuickFix) {
  EXPECT_EQ(validationOutcome([] {
              FIX::Message m = newMessage("W");
              m.setField(F::Symbol, "ESZ6");
              FIX::Group entry = newGroup("W", F::NoMDEntries);
              entry.setField(F::MDEntryType, "Z");   // not an enumerated value
              entry.setField(F::MDEntryPx, "abc");  // not a price
              m.addGroup(entry);
              return m;
            }),
            "valid");
}

TEST(GatewayDataDictionaryValues, OtherFixVersionFails) {
  FIX::Message m = heartbeat();
  m.getHeader().setField(F::BeginString, "FIX.4.2");
  EXPECT_THROW(parseAndValidate(m.toString()), FIX::UnsupportedVersion);
}

}  // namespace
