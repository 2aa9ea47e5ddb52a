#pragma once

// Everything that can happen to the risk core, as plain data. Each input carries the time it
// happened; the core's clock is the latest time it has seen. Ids are views: the caller keeps the
// text alive for the duration of the call.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "risk/fixed_point.h"
#include "risk/risk_config.h"
#include "risk/time.h"
#include "risk/types.h"

namespace risk {

// A client's order. entitledAccounts are the accounts the caller (the client's session) may trade.
struct NewOrder {
  Timestamp time;
  std::string_view clOrdId;
  std::string_view account;
  std::string_view symbol;
  Side side = Side::kBuy;
  OrderType type = OrderType::kLimit;
  Quantity quantity;
  Price limitPrice;  // ignored for market orders
  std::span<const std::string> entitledAccounts;
};

struct CancelRequest {
  Timestamp time;
  std::string_view origClOrdId;
  std::span<const std::string> entitledAccounts;
};

// Replaces quantity (the new total order quantity) and limit price; side, account and symbol stay.
struct ReplaceRequest {
  Timestamp time;
  std::string_view clOrdId;      // the replacement's new id
  std::string_view origClOrdId;  // the order being replaced
  Quantity quantity;
  Price limitPrice;
  std::span<const std::string> entitledAccounts;
};

// ---- From the venue ----
struct VenueAck {
  Timestamp time;
  std::string_view clOrdId;
};
struct VenueReject {  // the venue refused a new order: its margin is released
  Timestamp time;
  std::string_view clOrdId;
};
struct Fill {
  Timestamp time;
  std::string_view clOrdId;
  std::string_view execId;
  Quantity quantity;   // this fill's quantity (LastQty)
  Price price;         // this fill's price (LastPx)
  Money commission;    // debited from cash
};
struct OrderDone {  // cancelled or expired at the venue: the remaining quantity is released
  Timestamp time;
  std::string_view clOrdId;
};
struct CancelRejected {  // the venue refused a cancel: the order stays open
  Timestamp time;
  std::string_view origClOrdId;
};
struct ReplaceConfirmed {
  Timestamp time;
  std::string_view clOrdId;
  std::string_view origClOrdId;
};
struct ReplaceRejected {
  Timestamp time;
  std::string_view clOrdId;
  std::string_view origClOrdId;
};

// ---- Market data ----
struct MarketData {
  Timestamp time;
  std::string_view symbol;
  std::optional<Price> bid;
  std::optional<Price> ask;
  std::optional<Price> last;
};

// ---- The broker ----
struct Deposit {  // confirmed by the broker: money, not a client's promise
  Timestamp time;
  std::string_view account;
  Money amount;
  std::string_view reference;
};
struct Withdrawal {
  Timestamp time;
  std::string_view account;
  Money amount;
  std::string_view reference;
};
struct Halt {
  Timestamp time;
  std::string_view account;
  std::string_view reason;
};
struct Resume {
  Timestamp time;
  std::string_view account;
};
struct Timer {
  Timestamp time;
};
// Whether the gateway's audit trail can be written. While it cannot, risk-increasing orders and
// replaces are refused (STORE_UNAVAILABLE); risk-reducing ones and cancels still pass.
struct StoreStatus {
  Timestamp time;
  bool available = true;
};
struct ConfigReload {
  Timestamp time;
  const RiskConfig* config = nullptr;
};

using Input = std::variant<NewOrder, CancelRequest, ReplaceRequest, VenueAck, VenueReject, Fill, OrderDone,
                           CancelRejected, ReplaceConfirmed, ReplaceRejected, MarketData, Deposit, Withdrawal,
                           Halt, Resume, Timer, ConfigReload, StoreStatus>;

}  // namespace risk
