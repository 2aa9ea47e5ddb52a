#pragma once

// The venue's order handling: acknowledges, fills against the MarketBook's touch, rests, cancels
// and replaces orders. Not thread-safe: the VenueSimulator serialises every call.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tools/venue_sim/market_book.h"
#include "tools/venue_sim/venue_order.h"

namespace venue_sim {

struct MatchingSettings {
  bool noAck = false;            // orders that fill on arrival get no New report first
  std::int64_t maxFillQty = 0;   // raw; > 0 caps each fill of each order per matching step
  std::string idPrefix = "VS";   // OrderID and ExecID prefix (unique per run)
};

class MatchingEngine {
 public:
  MatchingEngine(const MatchingSettings& settings, const MarketBook& book);

  void submit(int session, const NewOrderRequest& request, EngineOutput& out);
  void cancel(int session, const CancelRequest& request, EngineOutput& out);
  void replace(int session, const ReplaceRequest& request, EngineOutput& out);
  // One matching step for every resting order, in time priority.
  void matchResting(EngineOutput& out);

  std::vector<VenueOrder> orders() const;   // every order, oldest first
  std::vector<VenueOrder> restingOrders() const;

 private:
  using OrderKey = std::pair<int, std::string>;  // session, ClOrdID

  VenueOrder* findLive(int session, const std::string& clOrdId);
  // Fills a cancel or replace reject for an OrigClOrdID that names no live order: done (too late),
  // replaced since (not the current ClOrdID), or never seen.
  void explainNotLive(int session, const std::string& origClOrdId, CancelReject& reject) const;
  bool crosses(const VenueOrder& order, std::int64_t& price) const;
  std::int64_t fillCap(const VenueOrder& order) const;
  // Fills up to the cap if the order crosses; returns true when it filled something.
  bool matchOnce(VenueOrder& order, EngineOutput& out);
  void fill(VenueOrder& order, std::int64_t quantity, std::int64_t price, EngineOutput& out);
  void report(const VenueOrder& order, ExecKind kind, EngineOutput& out, const std::string& text = std::string());
  void cancelRemainder(VenueOrder& order, const std::string& text, EngineOutput& out);
  std::string nextExecId();
  bool clOrdIdInUse(int session, const std::string& clOrdId) const;

  MatchingSettings settings_;
  const MarketBook& book_;
  std::vector<VenueOrder> orders_;
  std::map<OrderKey, std::size_t> byClOrdId_;  // every ClOrdID ever used -> order index
  std::map<OrderKey, std::size_t> current_;    // current ClOrdID of each order -> order index
  std::uint64_t nextOrder_ = 1;
  std::uint64_t nextExec_ = 1;
};

}  // namespace venue_sim
