#include "tools/md_storm/storm_venue.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Values.h>

#include "gateway/bridge/fix_decimal.h"
#include "tools/venue_sim/market_data.h"
#include "tools/venue_sim/report_encoding.h"

namespace md_storm {
namespace {

constexpr unsigned kQuoteEntries = venue_sim::kEntryBid | venue_sim::kEntryOffer;
constexpr std::int64_t kEntrySize = 100 * kScale;

std::string fieldOr(const FIX::FieldMap& message, int tag, const std::string& fallback) {
  return message.isSetField(tag) ? message.getField(tag) : fallback;
}

std::int64_t decimalOr(const FIX::FieldMap& message, int tag, std::int64_t fallback) {
  std::int64_t raw = fallback;
  if (message.isSetField(tag)) gateway::bridge::parseFixDecimal(message.getField(tag), raw);
  return raw;
}

venue_sim::Quote quoteAround(std::int64_t mid, std::int64_t tick) {
  venue_sim::Quote quote;
  quote.hasBid = true;
  quote.hasAsk = true;
  quote.bid = mid - tick;
  quote.ask = mid + tick;
  return quote;
}

}  // namespace

StormVenue::StormVenue(const StormModel& model)
    : model_(model),
      requestIds_(static_cast<std::size_t>(model.symbolCount)),
      sentMasks_(static_cast<std::size_t>(model.symbolCount), 0u) {}

void StormVenue::onLogon(const FIX::SessionID& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (session_ == nullptr) session_ = FIX::Session::lookupSession(id);
  loggedOn_.store(true, std::memory_order_release);
  logons_.fetch_add(1, std::memory_order_acq_rel);
  changed_.notify_all();
}

void StormVenue::onLogout(const FIX::SessionID&) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_.store(false, std::memory_order_release);
  changed_.notify_all();
}

bool StormVenue::waitForSubscriptions(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return loggedOn() && subscribed_ == model_.symbolCount; });
}

void StormVenue::fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) {
  const std::string msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  if (msgType == FIX::MsgType_MarketDataRequest) {
    onMarketDataRequest(message, id);
  } else if (msgType == FIX::MsgType_NewOrderSingle) {
    onNewOrder(message, id);
  }
  // Anything else (cancels, replaces) does not occur in a storm and is ignored.
}

std::int64_t StormVenue::firstMark(int index) const {
  return index == 0 ? model_.entryPrice : model_.otherPrice;
}

int StormVenue::indexOf(const std::string& symbol) const {
  for (int i = 0; i < model_.symbolCount; ++i) {
    if (model_.symbol(i) == symbol) return i;
  }
  return -1;
}

void StormVenue::onMarketDataRequest(const FIX::Message& message, const FIX::SessionID& id) {
  const venue_sim::MarketDataRequest request = venue_sim::decodeMarketDataRequest(message);
  for (const std::string& symbol : request.symbols) {
    const int index = indexOf(symbol);
    if (index < 0) {
      FIX::Message reject = venue_sim::encodeRequestReject(request.mdReqId, '0', "unknown symbol " + symbol);
      FIX::Session::sendToTarget(reject, id);
      continue;
    }
    unsigned sentMask = 0;
    FIX::Message snapshot = venue_sim::encodeSnapshot(request.mdReqId, symbol, quoteAround(firstMark(index), model_.tick),
                                                      kQuoteEntries, kEntrySize, sentMask);
    FIX::Session::sendToTarget(snapshot, id);
    std::lock_guard<std::mutex> lock(mutex_);
    const std::size_t slot = static_cast<std::size_t>(index);
    if (!requestIds_[slot].empty()) continue;  // a second subscription (after a reconnect) ends the run anyway
    ++subscribed_;
    requestIds_[slot] = request.mdReqId;
    sentMasks_[slot] = sentMask;
    changed_.notify_all();
  }
}

void StormVenue::onNewOrder(const FIX::Message& message, const FIX::SessionID& id) {
  std::uint64_t number = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    number = ++orders_;
  }
  venue_sim::Execution execution;
  venue_sim::VenueOrder& order = execution.order;
  order.orderId = "STORM-O" + std::to_string(number);
  order.clOrdId = message.getField(FIX::FIELD::ClOrdID);
  order.account = fieldOr(message, FIX::FIELD::Account, "");
  order.symbol = message.getField(FIX::FIELD::Symbol);
  order.side = fieldOr(message, FIX::FIELD::Side, "1") == "2" ? venue_sim::Side::kSell : venue_sim::Side::kBuy;
  order.ordType = fieldOr(message, FIX::FIELD::OrdType, "2") == "1" ? venue_sim::OrdType::kMarket
                                                                     : venue_sim::OrdType::kLimit;
  order.orderQty = decimalOr(message, FIX::FIELD::OrderQty, 0);
  const int index = indexOf(order.symbol);
  order.price = decimalOr(message, FIX::FIELD::Price, index < 0 ? model_.entryPrice : firstMark(index));
  const venue_sim::ReportSettings settings;

  const bool ioc = fieldOr(message, FIX::FIELD::TimeInForce, "0") == "3";
  if (ioc) order.timeInForce = venue_sim::TimeInForce::kImmediateOrCancel;

  execution.kind = venue_sim::ExecKind::kNew;
  execution.execId = "STORM-E" + std::to_string(number) + "-1";
  FIX::Message acknowledgement = venue_sim::encodeExecutionReport(execution, settings);
  FIX::Session::sendToTarget(acknowledgement, id);

  if (ioc && order.account == model_.flowAccount) {
    // The order flow's IOC orders find nothing to trade with: the flow account stays flat.
    execution.kind = venue_sim::ExecKind::kCanceled;
    execution.execId = "STORM-E" + std::to_string(number) + "-2";
    order.ordStatus = venue_sim::kStatusCanceled;
    FIX::Message canceled = venue_sim::encodeExecutionReport(execution, settings);
    FIX::Session::sendToTarget(canceled, id);
    return;
  }

  execution.kind = venue_sim::ExecKind::kTrade;
  execution.execId = "STORM-E" + std::to_string(number) + "-2";
  execution.lastQty = order.orderQty;
  execution.lastPx = order.price;
  order.cumQty = order.orderQty;
  order.cumNotional = static_cast<__int128>(order.price) * order.orderQty;
  order.ordStatus = venue_sim::kStatusFilled;
  FIX::Message fill = venue_sim::encodeExecutionReport(execution, settings);
  FIX::Session::sendToTarget(fill, id);
}

bool StormVenue::sendQuote(int index, std::int64_t mid) {
  const std::size_t slot = static_cast<std::size_t>(index);
  FIX::Message refresh;
  // Only the storm thread touches the masks and ids once every symbol is subscribed.
  if (!venue_sim::encodeIncremental(requestIds_[slot], model_.symbol(index), quoteAround(mid, model_.tick),
                                    kQuoteEntries, kEntrySize, sentMasks_[slot], refresh)) {
    return false;
  }
  return session_ != nullptr && session_->send(refresh);
}

}  // namespace md_storm
