#pragma once

// The risk core's state. Owned by one RiskEngine on one thread; no locks.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "risk/bounded_string.h"
#include "risk/events.h"
#include "risk/fixed_point.h"
#include "risk/instrument.h"
#include "risk/risk_config.h"
#include "risk/time.h"
#include "risk/types.h"

namespace risk {

using AccountIndex = uint32_t;
using InstrumentIndex = uint32_t;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

struct Mark {
  Price price;
  Timestamp receivedAt;
};

struct InstrumentState {
  Instrument config;
  bool listed = true;  // false once a reload removed it: kept only so indices stay stable
  std::optional<Price> bid;
  std::optional<Price> ask;
  std::optional<Price> last;
  std::optional<Mark> mark;
  std::vector<AccountIndex> holders;  // accounts with a position or an open order here
};

// One account's exposure to one instrument, with its contributions at the current mark cached so
// that a pre-trade check is O(1).
struct PositionState {
  InstrumentIndex instrument = 0;
  Quantity quantity;   // signed: long > 0, short < 0
  Money costBasis;     // signed sum of qty * multiplier * price over the open quantity
  Quantity openBuy;    // open quantity of buy orders (charged at worst case)
  Quantity openSell;   // open quantity of sell orders
  // Contributions at the current mark (house multiplier applied, requirements rounded up).
  Money unrealized;
  Money maintenance;
  Money initial;
  Money openOrderInitial;
};

struct CallState {
  CallId id;
  Timestamp issuedAt;
  Timestamp deadline;
  Money notifiedAmountToCure;  // the amount in the last call or escalation sent
  int liquidationOrdersOpen = 0;
  int cancelsOpen = 0;
  int plansWithoutFill = 0;
  int liquidationSequence = 0;
  bool waitingForMarks = false;  // the last plan could price nothing: do not repeat it every tick
};

struct AccountState {
  AccountConfig config;
  bool listed = true;
  bool halted = false;
  Money cash;
  std::vector<PositionState> positions;
  // Sums of the positions' cached contributions.
  Wide unrealizedTotal = 0;
  Wide maintenanceTotal = 0;
  Wide initialTotal = 0;
  Wide openOrderInitialTotal = 0;
  MarginState state = MarginState::kNormal;
  std::optional<CallState> call;
  // Ledger kept for the invariant: cash == opening + deposits - withdrawals + realized - commissions.
  Money openingCash;
  Wide deposits = 0;
  Wide withdrawals = 0;
  Wide realized = 0;
  Wide commissions = 0;

  PositionState* findPosition(InstrumentIndex instrument) {
    for (PositionState& position : positions) {
      if (position.instrument == instrument) return &position;
    }
    return nullptr;
  }
  const PositionState* findPosition(InstrumentIndex instrument) const {
    return const_cast<AccountState*>(this)->findPosition(instrument);
  }
};

struct PendingReplace {
  std::string clOrdId;
  Quantity quantity;  // new total order quantity
  Price limitPrice;
};

struct OrderState {
  std::string clOrdId;
  AccountIndex account = 0;
  InstrumentIndex instrument = 0;
  Side side = Side::kBuy;
  OrderType type = OrderType::kLimit;
  Quantity quantity;       // total order quantity
  Quantity filled;         // cumulative
  Price limitPrice;
  Quantity charged;        // what this order adds to openBuy/openSell now
  bool acknowledged = false;
  bool cancelPending = false;
  bool liquidation = false;           // sent by the core's liquidation plan
  bool cancelByLiquidation = false;  // the liquidation plan asked for this order's cancel
  std::optional<PendingReplace> replace;

  Quantity leaves() const {
    return Quantity::fromRaw(quantity.raw() > filled.raw() ? quantity.raw() - filled.raw() : 0);
  }
};

struct RiskState {
  std::vector<InstrumentState> instruments;
  std::vector<AccountState> accounts;
  StringMap<InstrumentIndex> instrumentBySymbol;
  StringMap<AccountIndex> accountById;
  StringMap<OrderState> orders;     // open orders by ClOrdID
  StringMap<std::string> replacing; // pending replacement id -> original id
  StringSet usedClOrdIds;           // every ClOrdID seen: duplicates are refused
  Thresholds defaultThresholds;
  std::vector<AccountIndex> openCalls;  // accounts with a call open, for deadline timers
  Timestamp now;
  uint64_t nextCallNumber = 1;
  bool storeAvailable = true;  // false: risk-increasing orders are refused (StoreStatus)

  const InstrumentState* findInstrument(std::string_view symbol) const;
  const AccountState* findAccount(std::string_view id) const;
  std::optional<InstrumentIndex> instrumentIndex(std::string_view symbol) const;
  std::optional<AccountIndex> accountIndex(std::string_view id) const;
};

}  // namespace risk
