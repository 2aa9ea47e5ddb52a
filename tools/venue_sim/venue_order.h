#pragma once

// Orders as the venue holds them, the decoded requests that change them, and what the matching
// engine asks the FIX layer to send back. C++14, no QuickFIX.

#include <cstdint>
#include <string>
#include <vector>

#include "tools/venue_sim/venue_types.h"

namespace venue_sim {

// FIX OrdStatus values the venue uses.
constexpr char kStatusNew = '0';
constexpr char kStatusPartiallyFilled = '1';
constexpr char kStatusFilled = '2';
constexpr char kStatusCanceled = '4';
constexpr char kStatusRejected = '8';

// FIX OrdRejReason values the venue uses.
constexpr int kRejectUnknownSymbol = 1;
constexpr int kRejectDuplicateOrder = 6;
constexpr int kRejectUnsupportedCharacteristic = 11;
constexpr int kRejectIncorrectQuantity = 13;
constexpr int kRejectOther = 99;

// FIX CxlRejReason values the venue uses.
constexpr int kCxlRejectTooLate = 0;
constexpr int kCxlRejectUnknownOrder = 1;
constexpr int kCxlRejectDuplicateClOrdId = 6;
constexpr int kCxlRejectOther = 99;

struct VenueOrder {
  int session = 0;           // index of the session it arrived on; reports go back there
  std::uint64_t sequence = 0;  // time priority
  std::string orderId;
  std::string clOrdId;       // the current one (changes on cancel and replace)
  std::string origClOrdId;   // the one it replaced, on the report of a cancel or replace
  std::string account;       // empty when the order carried none
  std::string symbol;
  Side side = Side::kBuy;
  OrdType ordType = OrdType::kLimit;
  TimeInForce timeInForce = TimeInForce::kDay;
  std::int64_t orderQty = 0;
  std::int64_t price = 0;    // limit orders only
  std::int64_t cumQty = 0;
  __int128 cumNotional = 0;  // sum of LastPx x LastQty, 1e-16 units
  char ordStatus = kStatusNew;

  std::int64_t leavesQty() const {
    return isDone() ? 0 : orderQty - cumQty;
  }
  bool isDone() const {
    return ordStatus == kStatusFilled || ordStatus == kStatusCanceled || ordStatus == kStatusRejected;
  }
};

// A NewOrderSingle as decoded; a decoding problem is carried as a reject reason.
struct NewOrderRequest {
  std::string clOrdId;
  std::string account;
  std::string symbol;
  Side side = Side::kBuy;
  OrdType ordType = OrdType::kLimit;
  TimeInForce timeInForce = TimeInForce::kDay;
  std::int64_t orderQty = 0;
  std::int64_t price = 0;
  int rejectReason = -1;  // >= 0: refuse with this OrdRejReason and rejectText
  std::string rejectText;
};

struct CancelRequest {
  std::string clOrdId;
  std::string origClOrdId;
  std::string symbol;
};

struct ReplaceRequest {
  std::string clOrdId;
  std::string origClOrdId;
  std::string symbol;
  Side side = Side::kBuy;
  bool hasOrdType = false;
  OrdType ordType = OrdType::kLimit;
  bool hasTimeInForce = false;
  TimeInForce timeInForce = TimeInForce::kDay;
  std::int64_t orderQty = 0;
  bool hasPrice = false;
  std::int64_t price = 0;
  int rejectReason = -1;  // >= 0: refuse with this CxlRejReason and rejectText
  std::string rejectText;
};

enum class ExecKind { kNew, kTrade, kCanceled, kReplaced, kRejected };

// One ExecutionReport to send.
struct Execution {
  ExecKind kind = ExecKind::kNew;
  std::string execId;
  VenueOrder order;  // the order after the event
  std::int64_t lastQty = 0;  // trades only
  std::int64_t lastPx = 0;
  int ordRejReason = 0;      // rejects only
  std::string text;
};

// One OrderCancelReject to send.
struct CancelReject {
  int session = 0;
  std::string orderId;  // "NONE" when the order is unknown
  std::string clOrdId;
  std::string origClOrdId;
  char ordStatus = kStatusRejected;
  char responseTo = '1';  // 434: 1 cancel, 2 cancel/replace
  int reason = kCxlRejectUnknownOrder;
  std::string text;
};

struct EngineOutput {
  std::vector<Execution> executions;
  std::vector<CancelReject> cancelRejects;
};

}  // namespace venue_sim
