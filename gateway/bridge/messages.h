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
