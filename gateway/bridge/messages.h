#pragma once

// Plain messages crossing between the QuickFIX side (gnu++14) and the gateway core (C++20).
// C++14-clean: strings and integers only. Decimals are int64 counts of 1e-8 (see fix_decimal.h),
// validated by the FIX side before anything crosses; enumerations keep their FIX character values.

#include <cstdint>
#include <string>
#include <vector>

namespace gateway {
namespace bridge {

// Index of a client session in the gateway's configuration (stable while the process runs).
using SessionIndex = std::uint32_t;

// ---- From clients ----

struct ClientNewOrder {
  SessionIndex session = 0;
  std::string clOrdId;
  std::string account;
  std::string symbol;
  char side = '1';         // 54: '1' buy, '2' sell
  char ordType = '2';      // 40: '1' market, '2' limit
  char timeInForce = '0';  // 59: '0' day, '1' GTC, '3' IOC, '4' FOK
  std::int64_t quantity = 0;
  std::int64_t price = 0;  // 44, limit orders only
  bool hasPrice = false;
};

struct ClientCancel {
  SessionIndex session = 0;
  std::string clOrdId;      // the cancel request's own id
  std::string origClOrdId;  // the order to cancel
  std::string account;
  std::string symbol;
  char side = '1';
};

struct ClientReplace {
  SessionIndex session = 0;
  std::string clOrdId;      // the replacement's id
  std::string origClOrdId;  // the order being replaced
  std::string account;
  std::string symbol;
  char side = '1';
  char ordType = '2';
  char timeInForce = '0';
  std::int64_t quantity = 0;  // new total order quantity
  std::int64_t price = 0;
  bool hasPrice = false;
};

// The collateral and position messages from clients (margin calls over FIX).

struct ClientCollateralInquiry {  // CollateralInquiry (BB)
  SessionIndex session = 0;
  std::string inquiryId;         // 909
  char subscriptionType = '0';   // 263: '0' snapshot, '1' snapshot and updates, '2' unsubscribe
  std::string account;           // 1; empty: every account the session may trade
};

struct ClientCollateralAssignment {  // CollateralAssignment (AY): "I am depositing"
  SessionIndex session = 0;
  std::string assignmentId;      // 902
  std::string callId;            // 894 (CollReqID), the call it answers; may be empty
  int reason = 3;                // 895
  char transType = '0';          // 903: '0' new, '1' replace, '2' cancel, '3' release, '4' reverse
  std::string account;
  std::int64_t amount = 0;       // 53 Quantity with 854 QtyType=0 (units of the currency)
  bool hasAmount = false;
  std::string currency;          // 15
  std::string text;
};

struct ClientPositionRequest {  // RequestForPositions (AN)
  SessionIndex session = 0;
  std::string requestId;         // 710
  int requestType = 0;           // 724: 0 positions
  std::string account;
  std::string clearingBusinessDate;  // 715, echoed back
};

// ---- From the venue ----

struct VenueExecution {
  std::string clOrdId;      // the gateway's id
  std::string origClOrdId;  // on replaces and cancels
  std::string orderId;      // the venue's
  std::string execId;
  char execType = '0';      // 150: '0' new, 'F' trade, '4' canceled, 'C' expired, '8' rejected, '5' replaced
  char ordStatus = '0';     // 39
  std::int64_t orderQty = 0;
  bool hasOrderQty = false;
  std::int64_t price = 0;
  bool hasPrice = false;
  std::int64_t lastQty = 0;
  std::int64_t lastPx = 0;
  std::int64_t leavesQty = 0;
  std::int64_t cumQty = 0;
  std::int64_t avgPx = 0;
  std::int64_t commission = 0;
  bool hasCommission = false;
  int ordRejReason = -1;    // 103, -1 when absent
  std::string text;
};

struct VenueCancelReject {
  std::string clOrdId;      // the cancel's or replacement's gateway id
  std::string origClOrdId;  // the order's gateway id
  std::string orderId;
  char ordStatus = '0';
  char responseTo = '1';    // 434: '1' cancel, '2' replace
  int reason = 0;           // 102
  std::string text;
};

// The venue refused one of our messages outright: a session-level Reject (35=3, matched to the
// order through RefSeqNum) or a BusinessMessageReject (35=j).
struct VenueMessageReject {
  std::string clOrdId;  // the gateway id of the refused order, empty when it cannot be told
  std::string refMsgType;
  bool sessionLevel = false;
  int reason = 0;       // 373 or 380
  std::string text;
};

struct MarketDataUpdate {
  std::string symbol;
  std::int64_t bid = 0;
  std::int64_t ask = 0;
  std::int64_t last = 0;
  bool hasBid = false;
  bool hasAsk = false;
  bool hasLast = false;
};

// ---- To clients ----

struct ExecutionReportOut {
  SessionIndex session = 0;
  std::string orderId;  // the venue's, or the gateway's for orders that never reached it
  std::string clOrdId;  // the client's
  std::string origClOrdId;
  std::string execId;
  char execType = '0';
  char ordStatus = '0';
  int ordRejReason = -1;        // 103, -1 to leave out
  int execRestatementReason = -1;  // 378, -1 to leave out
  std::string account;
  std::string symbol;
  char side = '1';
  char ordType = '2';
  char timeInForce = '0';
  std::int64_t orderQty = 0;
  std::int64_t price = 0;
  bool hasPrice = false;
  std::int64_t lastQty = 0;
  std::int64_t lastPx = 0;
  bool hasLast = false;  // LastQty/LastPx are sent on fills only
  std::int64_t leavesQty = 0;
  std::int64_t cumQty = 0;
  std::int64_t avgPx = 0;
  std::int64_t commission = 0;
  bool hasCommission = false;
  std::string text;
  std::string riskCode;  // 5006 RiskRejectCode, empty to leave out
};

struct OrderCancelRejectOut {
  SessionIndex session = 0;
  std::string orderId;
  std::string clOrdId;
  std::string origClOrdId;
  std::string account;
  char ordStatus = '0';
  char responseTo = '1';  // 434: '1' cancel, '2' replace
  int reason = 0;         // 102: 0 too late, 1 unknown order, 2 broker option, 3 pending
  std::string text;
  std::string riskCode;
};

// The numbers behind a margin call or a collateral report (money as 1e-8 counts).
struct MarginNumbers {
  std::string currency;
  std::string state;                  // 5005: NORMAL, WARNING, CALL, LIQUIDATION
  std::int64_t equity = 0;            // 900 TotalNetValue
  std::int64_t maintenance = 0;       // 5001
  std::int64_t initial = 0;           // 5002
  std::int64_t deficitToMaintenance = 0;  // 5003
  std::int64_t availableFunds = 0;    // 5007
  std::int64_t amountToCure = 0;      // 5008; MarginExcess 899 = -amountToCure in a call
  std::int64_t health = 0;            // 5004, a ratio (1e-8 counts); left out when unbounded
  bool healthUnbounded = true;
};

struct CollateralRequestOut {  // CollateralRequest (AX): the margin call, or its escalation
  SessionIndex session = 0;
  std::string callId;              // 894 CollReqID; an escalation repeats it
  std::string account;
  std::int64_t expireTimeNanos = 0;  // 126 ExpireTime: the deadline (UTC)
  std::int64_t marginExcess = 0;   // 899: minus the amount to cure
  MarginNumbers numbers;           // 900 and the user-defined tags
  std::string text;                // 58: a sentence a person can read
};

struct CollateralReportOut {  // CollateralReport (BA)
  SessionIndex session = 0;
  std::string reportId;            // 908
  std::string inquiryId;           // 909, when answering or pushing for an inquiry
  int collStatus = 3;              // 910: 0 unassigned, 1 partially assigned, 3 assigned, 4 challenged
  std::string account;
  std::int64_t marginExcess = 0;   // 899: equity - initial - open-order margin (available funds)
  std::int64_t cashOutstanding = 0;  // 901: the amount to cure (0 outside a call)
  MarginNumbers numbers;
  std::string text;
};

struct CollateralInquiryAckOut {  // CollateralInquiryAck (BG)
  SessionIndex session = 0;
  std::string inquiryId;
  int status = 0;                  // 945: 0 accepted, 4 rejected
  int result = -1;                 // 946, -1 to leave out
  std::string account;
  int totalReports = -1;           // 911, -1 to leave out
  std::string text;
};

struct CollateralResponseOut {  // CollateralResponse (AZ)
  SessionIndex session = 0;
  std::string responseId;          // 904
  std::string assignmentId;        // 902
  std::string callId;              // 894, when the assignment named one
  int reason = 3;                  // 895
  int responseType = 0;            // 905: 0 received, 1 accepted, 2 declined, 3 rejected
  std::string account;
  std::string currency;
  std::int64_t amount = 0;
  bool hasAmount = false;
  std::string text;
};

struct PositionRequestAckOut {  // RequestForPositionsAck (AO)
  SessionIndex session = 0;
  std::string reportId;            // 721 PosMaintRptID
  std::string requestId;           // 710
  int totalReports = 0;            // 727
  int result = 0;                  // 728: 0 valid, 2 no positions, 3 not authorized, 99 other
  int status = 0;                  // 729: 0 completed, 2 rejected
  std::string account;
  std::string text;
};

struct PositionReportOut {  // PositionReport (AP), one per position
  SessionIndex session = 0;
  std::string reportId;            // 721
  std::string requestId;           // 710
  int totalReports = 0;            // 727
  std::string account;
  std::string clearingBusinessDate;  // 715
  std::string symbol;
  std::string currency;
  std::int64_t settlPrice = 0;     // 730: the mark (731 SettlPriceType=2 theoretical)
  std::int64_t priorSettlPrice = 0;  // 734: the average entry price
  std::int64_t longQty = 0;        // 704
  std::int64_t shortQty = 0;       // 705
  std::int64_t unrealized = 0;     // PosAmt 708 with PosAmtType 707=TVAR (variation at the mark)
};

// ---- To the venue ----

struct VenueNewOrderOut {
  std::string clOrdId;  // the gateway's, unique across every client
  std::string account;
  std::string symbol;
  char side = '1';
  char ordType = '2';
  char timeInForce = '0';
  std::int64_t quantity = 0;
  std::int64_t price = 0;
  bool hasPrice = false;
};

struct VenueCancelOut {
  std::string clOrdId;      // a new gateway id for the cancel request
  std::string origClOrdId;  // the order's current gateway id
  std::string account;
  std::string symbol;
  char side = '1';
  std::int64_t quantity = 0;
};

struct VenueReplaceOut {
  std::string clOrdId;      // a new gateway id for the replacement
  std::string origClOrdId;  // the order's current gateway id
  std::string account;
  std::string symbol;
  char side = '1';
  char ordType = '2';
  char timeInForce = '0';
  std::int64_t quantity = 0;
  std::int64_t price = 0;
  bool hasPrice = false;
};

// ---- Configuration of client sessions, read by the FIX side from its settings file ----

struct ClientSessionConfig {
  SessionIndex index = 0;
  std::string name;                   // "BROKER->CLIENT1": for logs
  std::vector<std::string> accounts;  // the accounts this session may trade
};

}  // namespace bridge
}  // namespace gateway
