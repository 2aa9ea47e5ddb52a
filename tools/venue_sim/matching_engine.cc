#include "tools/venue_sim/matching_engine.h"

#include <algorithm>

#include "tools/venue_sim/decimal_math.h"

namespace venue_sim {

MatchingEngine::MatchingEngine(const MatchingSettings& settings, const MarketBook& book)
    : settings_(settings), book_(book) {}

std::string MatchingEngine::nextExecId() { return settings_.idPrefix + "-E" + std::to_string(nextExec_++); }

bool MatchingEngine::clOrdIdInUse(int session, const std::string& clOrdId) const {
  return byClOrdId_.count(OrderKey(session, clOrdId)) != 0;
}

VenueOrder* MatchingEngine::findLive(int session, const std::string& clOrdId) {
  const auto found = current_.find(OrderKey(session, clOrdId));
  return found == current_.end() ? nullptr : &orders_[found->second];
}

bool MatchingEngine::crosses(const VenueOrder& order, std::int64_t& price) const {
  const Quote* quote = book_.find(order.symbol);
  if (quote == nullptr) return false;
  if (order.side == Side::kBuy) {
    if (!quote->hasAsk) return false;
    if (order.ordType == OrdType::kLimit && order.price < quote->ask) return false;
    price = quote->ask;
  } else {
    if (!quote->hasBid) return false;
    if (order.ordType == OrdType::kLimit && order.price > quote->bid) return false;
    price = quote->bid;
  }
  return true;
}

std::int64_t MatchingEngine::fillCap(const VenueOrder& order) const {
  const std::int64_t leaves = order.leavesQty();
  return settings_.maxFillQty > 0 ? std::min(leaves, settings_.maxFillQty) : leaves;
}

void MatchingEngine::report(const VenueOrder& order, ExecKind kind, EngineOutput& out, const std::string& text) {
  Execution execution;
  execution.kind = kind;
  execution.execId = nextExecId();
  execution.order = order;
  execution.text = text;
  out.executions.push_back(execution);
}

void MatchingEngine::fill(VenueOrder& order, std::int64_t quantity, std::int64_t price, EngineOutput& out) {
  order.cumQty += quantity;
  order.cumNotional += notional(price, quantity);
  order.ordStatus = order.cumQty == order.orderQty ? kStatusFilled : kStatusPartiallyFilled;
  Execution execution;
  execution.kind = ExecKind::kTrade;
  execution.execId = nextExecId();
  execution.order = order;
  execution.lastQty = quantity;
  execution.lastPx = price;
  out.executions.push_back(execution);
}

bool MatchingEngine::matchOnce(VenueOrder& order, EngineOutput& out) {
  if (order.isDone()) return false;
  std::int64_t price = 0;
  if (!crosses(order, price)) return false;
  const std::int64_t quantity = fillCap(order);
  if (quantity <= 0) return false;
  fill(order, quantity, price, out);
  return true;
}

void MatchingEngine::cancelRemainder(VenueOrder& order, const std::string& text, EngineOutput& out) {
  order.ordStatus = kStatusCanceled;
  order.origClOrdId.clear();
  report(order, ExecKind::kCanceled, out, text);
}

void MatchingEngine::submit(int session, const NewOrderRequest& request, EngineOutput& out) {
  VenueOrder order;
  order.session = session;
  order.sequence = nextOrder_;
  order.orderId = settings_.idPrefix + "-O" + std::to_string(nextOrder_++);
  order.clOrdId = request.clOrdId;
  order.account = request.account;
  order.symbol = request.symbol;
  order.side = request.side;
  order.ordType = request.ordType;
  order.timeInForce = request.timeInForce;
  order.orderQty = request.orderQty;
  order.price = request.ordType == OrdType::kLimit ? request.price : 0;

  int rejectReason = request.rejectReason;
  std::string rejectText = request.rejectText;
  if (rejectReason < 0 && clOrdIdInUse(session, request.clOrdId)) {
    rejectReason = kRejectDuplicateOrder;
    rejectText = "duplicate ClOrdID " + request.clOrdId;
  }
  if (rejectReason < 0 && !book_.isKnown(request.symbol)) {
    rejectReason = kRejectUnknownSymbol;
    rejectText = "unknown symbol " + request.symbol;
  }
  if (rejectReason >= 0) {
    order.ordStatus = kStatusRejected;
    Execution execution;
    execution.kind = ExecKind::kRejected;
    execution.execId = nextExecId();
    execution.order = order;
    execution.ordRejReason = rejectReason;
    execution.text = rejectText;
    out.executions.push_back(execution);
    return;  // a refused order is not kept: its ClOrdID may be used again
  }

  std::int64_t touch = 0;
  const bool crossing = crosses(order, touch);
  const bool fokFillable = crossing && fillCap(order) == order.orderQty;
  const bool fillsNow = order.timeInForce == TimeInForce::kFillOrKill ? fokFillable : crossing;
  orders_.push_back(order);
  const std::size_t index = orders_.size() - 1;
  byClOrdId_[OrderKey(session, order.clOrdId)] = index;
  current_[OrderKey(session, order.clOrdId)] = index;
  VenueOrder& stored = orders_[index];

  if (!(settings_.noAck && fillsNow)) report(stored, ExecKind::kNew, out);
  if (stored.timeInForce == TimeInForce::kFillOrKill) {
    if (fokFillable) {
      fill(stored, stored.orderQty, touch, out);
    } else {
      cancelRemainder(stored, "fill or kill: not fillable in full", out);
    }
  } else {
    matchOnce(stored, out);
    if (stored.timeInForce == TimeInForce::kImmediateOrCancel && !stored.isDone()) {
      cancelRemainder(stored, "immediate or cancel: remainder cancelled", out);
    }
  }
  if (stored.isDone()) current_.erase(OrderKey(session, stored.clOrdId));
}

void MatchingEngine::explainNotLive(int session, const std::string& origClOrdId, CancelReject& reject) const {
  const auto known = byClOrdId_.find(OrderKey(session, origClOrdId));
  if (known != byClOrdId_.end()) {
    const VenueOrder& done = orders_[known->second];
    reject.orderId = done.orderId;
    reject.ordStatus = done.ordStatus;
    reject.reason = done.isDone() ? kCxlRejectTooLate : kCxlRejectUnknownOrder;
    reject.text = done.isDone() ? "order is already done" : "OrigClOrdID is not the order's current ClOrdID";
  } else {
    reject.orderId = "NONE";
    reject.reason = kCxlRejectUnknownOrder;
    reject.text = "unknown order " + origClOrdId;
  }
}

void MatchingEngine::cancel(int session, const CancelRequest& request, EngineOutput& out) {
  CancelReject reject;
  reject.session = session;
  reject.clOrdId = request.clOrdId;
  reject.origClOrdId = request.origClOrdId;
  reject.responseTo = '1';
  VenueOrder* order = findLive(session, request.origClOrdId);
  if (order == nullptr) {
    explainNotLive(session, request.origClOrdId, reject);
    out.cancelRejects.push_back(reject);
    return;
  }
  if (clOrdIdInUse(session, request.clOrdId)) {
    reject.orderId = order->orderId;
    reject.ordStatus = order->ordStatus;
    reject.reason = kCxlRejectDuplicateClOrdId;
    reject.text = "duplicate ClOrdID " + request.clOrdId;
    out.cancelRejects.push_back(reject);
    return;
  }
  if (!request.symbol.empty() && request.symbol != order->symbol) {
    reject.orderId = order->orderId;
    reject.ordStatus = order->ordStatus;
    reject.reason = kCxlRejectOther;
    reject.text = "symbol " + request.symbol + " does not match the order's " + order->symbol;
    out.cancelRejects.push_back(reject);
    return;
  }
  const std::size_t index = current_[OrderKey(session, request.origClOrdId)];
  current_.erase(OrderKey(session, request.origClOrdId));
  byClOrdId_[OrderKey(session, request.clOrdId)] = index;
  order->origClOrdId = order->clOrdId;
  order->clOrdId = request.clOrdId;
  order->ordStatus = kStatusCanceled;
  report(*order, ExecKind::kCanceled, out);
}

void MatchingEngine::replace(int session, const ReplaceRequest& request, EngineOutput& out) {
  CancelReject reject;
  reject.session = session;
  reject.clOrdId = request.clOrdId;
  reject.origClOrdId = request.origClOrdId;
  reject.responseTo = '2';
  VenueOrder* order = findLive(session, request.origClOrdId);
  if (order == nullptr) {
    explainNotLive(session, request.origClOrdId, reject);
    out.cancelRejects.push_back(reject);
    return;
  }
  reject.orderId = order->orderId;
  reject.ordStatus = order->ordStatus;
  const OrdType ordType = request.hasOrdType ? request.ordType : order->ordType;
  std::string problem;
  int reason = kCxlRejectOther;
  if (request.rejectReason >= 0) {
    reason = request.rejectReason;
    problem = request.rejectText;
  } else if (clOrdIdInUse(session, request.clOrdId)) {
    reason = kCxlRejectDuplicateClOrdId;
    problem = "duplicate ClOrdID " + request.clOrdId;
  } else if (request.symbol != order->symbol) {
    problem = "symbol " + request.symbol + " does not match the order's " + order->symbol;
  } else if (request.side != order->side) {
    problem = "side cannot be changed";
  } else if (request.orderQty <= 0) {
    problem = "OrderQty must be positive";
  } else if (request.orderQty < order->cumQty) {
    problem = "OrderQty is below the quantity already filled";
  } else if (ordType == OrdType::kLimit && !request.hasPrice && order->ordType != OrdType::kLimit) {
    problem = "a limit order needs a Price";
  } else if (request.hasTimeInForce && (request.timeInForce == TimeInForce::kImmediateOrCancel ||
                                        request.timeInForce == TimeInForce::kFillOrKill)) {
    problem = "a resting order cannot become immediate or cancel / fill or kill";
  }
  if (!problem.empty()) {
    reject.reason = reason;
    reject.text = problem;
    out.cancelRejects.push_back(reject);
    return;
  }
  const std::size_t index = current_[OrderKey(session, request.origClOrdId)];
  current_.erase(OrderKey(session, request.origClOrdId));
  byClOrdId_[OrderKey(session, request.clOrdId)] = index;
  order->origClOrdId = order->clOrdId;
  order->clOrdId = request.clOrdId;
  order->ordType = ordType;
  if (ordType == OrdType::kLimit) {
    if (request.hasPrice) order->price = request.price;
  } else {
    order->price = 0;
  }
  if (request.hasTimeInForce) order->timeInForce = request.timeInForce;
  order->orderQty = request.orderQty;
  if (order->cumQty == order->orderQty) {
    order->ordStatus = kStatusFilled;
  } else {
    order->ordStatus = order->cumQty > 0 ? kStatusPartiallyFilled : kStatusNew;
  }
  report(*order, ExecKind::kReplaced, out);
  if (order->isDone()) return;
  current_[OrderKey(session, order->clOrdId)] = index;
  order->origClOrdId.clear();
  matchOnce(*order, out);
  if (order->isDone()) current_.erase(OrderKey(session, order->clOrdId));
}

void MatchingEngine::matchResting(EngineOutput& out) {
  std::vector<std::size_t> resting;
  for (const auto& entry : current_) resting.push_back(entry.second);
  std::sort(resting.begin(), resting.end());  // index order is time priority
  for (std::size_t index : resting) {
    VenueOrder& order = orders_[index];
    order.origClOrdId.clear();
    matchOnce(order, out);
    if (order.isDone()) current_.erase(OrderKey(order.session, order.clOrdId));
  }
}

std::vector<VenueOrder> MatchingEngine::orders() const { return orders_; }

std::vector<VenueOrder> MatchingEngine::restingOrders() const {
  std::vector<VenueOrder> resting;
  for (const auto& entry : current_) resting.push_back(orders_[entry.second]);
  std::sort(resting.begin(), resting.end(),
            [](const VenueOrder& a, const VenueOrder& b) { return a.sequence < b.sequence; });
  return resting;
}

}  // namespace venue_sim
