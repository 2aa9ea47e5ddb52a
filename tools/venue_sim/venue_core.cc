#include "tools/venue_sim/venue_core.h"

#include <cstdlib>

#include <quickfix/FixFields.h>
#include <quickfix/FixValues.h>

#include "tools/venue_sim/market_data.h"
#include "tools/venue_sim/order_decoding.h"

namespace venue_sim {
namespace {

constexpr int kBusinessRejectUnsupportedMessageType = 3;
constexpr char kMdRejectUnknownSymbol = '0';
constexpr char kMdRejectDuplicateMdReqId = '1';
constexpr char kMdRejectUnsupportedSubscription = '4';
constexpr char kMdRejectUnsupportedEntryType = '8';

ReportSettings reportSettingsOf(const VenueConfig& config) {
  ReportSettings settings;
  settings.hasCommission = config.hasCommission;
  settings.commissionPerUnit = config.commissionPerUnit;
  return settings;
}

MatchingSettings matchingSettingsOf(const VenueConfig& config, const std::string& idPrefix) {
  MatchingSettings settings;
  settings.noAck = config.noAck;
  settings.maxFillQty = config.maxFillQty;
  settings.idPrefix = idPrefix;
  return settings;
}

std::string headerField(const FIX::Message& message, int tag) {
  return message.getHeader().isSetField(tag) ? message.getHeader().getField(tag) : std::string();
}

}  // namespace

VenueCore::VenueCore(const VenueConfig& config, const std::string& idPrefix)
    : config_(config),
      reportSettings_(reportSettingsOf(config)),
      recorder_(config.recordLimit),
      engine_(matchingSettingsOf(config, idPrefix), book_),
      path_(config.randomWalks, config.seed, config.scenario) {
  for (const std::string& symbol : path_.symbols()) book_.addSymbol(symbol);
  for (const MarketUpdate& update : path_.opening()) book_.apply(update);
}

void VenueCore::addSession(const FIX::SessionID& id, bool marketDataOnly) {
  Slot slot;
  slot.id = id;
  slot.marketDataOnly = marketDataOnly;
  slotIndex_[id] = static_cast<int>(slots_.size());
  slots_.push_back(slot);
  std::lock_guard<std::mutex> lock(statusMutex_);
  loggedOn_[id.getTargetCompID().getValue()] = false;
}

void VenueCore::attachSessions() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (Slot& slot : slots_) slot.session = FIX::Session::lookupSession(slot.id);
}

int VenueCore::slotOf(const FIX::SessionID& id) const {
  const auto found = slotIndex_.find(id);
  return found == slotIndex_.end() ? -1 : found->second;
}

void VenueCore::record(bool received, const FIX::Message& message, const FIX::SessionID& id) {
  RecordedMessage recorded;
  recorded.counterparty = id.getTargetCompID().getValue();
  recorded.msgType = headerField(message, FIX::FIELD::MsgType);
  recorded.text = message.toString();
  if (received) {
    recorder_.recordReceived(recorded);
  } else {
    recorder_.recordSent(recorded);
  }
}

// ---- state changes ---------------------------------------------------------------------------

void VenueCore::sendTo(int slot, FIX::Message message) {
  FIX::Session* session = slots_[static_cast<std::size_t>(slot)].session;
  if (session != nullptr) session->send(message);
}

void VenueCore::sendOutput(const EngineOutput& out) {
  for (const Execution& execution : out.executions) {
    sendTo(execution.order.session, encodeExecutionReport(execution, reportSettings_));
  }
  for (const CancelReject& reject : out.cancelRejects) sendTo(reject.session, encodeCancelReject(reject));
}

void VenueCore::applyUpdates(const std::vector<MarketUpdate>& updates) {
  for (const MarketUpdate& update : updates) {
    const Quote& quote = book_.apply(update);
    for (Subscription* subscription : subscriptions_.forSymbol(update.symbol)) {
      FIX::Session* session = slots_[static_cast<std::size_t>(subscription->session)].session;
      if (session == nullptr || !session->isLoggedOn()) continue;
      FIX::Message refresh;
      if (encodeIncremental(subscription->mdReqId, update.symbol, quote, subscription->entryMask,
                            config_.quoteSize, subscription->sentMask[update.symbol], refresh)) {
        session->send(refresh);
      }
    }
  }
  EngineOutput out;
  engine_.matchResting(out);
  sendOutput(out);
}

bool VenueCore::step() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<MarketUpdate> updates;
  if (!path_.next(updates)) return false;
  applyUpdates(updates);
  return true;
}

void VenueCore::setMarket(const std::string& symbol, std::int64_t bidRaw, std::int64_t askRaw,
                          std::int64_t lastRaw) {
  MarketUpdate update;
  update.symbol = symbol;
  update.changes.hasBid = update.changes.hasAsk = update.changes.hasLast = true;
  update.changes.bid = bidRaw;
  update.changes.ask = askRaw;
  update.changes.last = lastRaw;
  std::lock_guard<std::mutex> lock(mutex_);
  applyUpdates(std::vector<MarketUpdate>{update});
}

bool VenueCore::nextScenarioOffsetMs(std::int64_t& offsetMs) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return path_.nextOffsetMs(offsetMs);
}

bool VenueCore::hasScenario() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return path_.hasScenario();
}

// ---- queries ----------------------------------------------------------------------------------

std::vector<VenueOrder> VenueCore::orders() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return engine_.orders();
}

std::vector<VenueOrder> VenueCore::restingOrders() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return engine_.restingOrders();
}

bool VenueCore::quote(const std::string& symbol, Quote& out) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Quote* found = book_.find(symbol);
  if (found == nullptr) return false;
  out = *found;
  return true;
}

std::size_t VenueCore::subscriptionCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return subscriptions_.size();
}

bool VenueCore::isLoggedOn(const std::string& clientCompId) const {
  std::lock_guard<std::mutex> lock(statusMutex_);
  const auto found = loggedOn_.find(clientCompId);
  return found != loggedOn_.end() && found->second;
}

bool VenueCore::waitForLogon(const std::string& clientCompId, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(statusMutex_);
  return statusChanged_.wait_for(lock, timeout, [&] {
    const auto found = loggedOn_.find(clientCompId);
    return found != loggedOn_.end() && found->second;
  });
}

// ---- QuickFIX callbacks -------------------------------------------------------------------------

void VenueCore::onLogon(const FIX::SessionID& id) {
  const int slot = slotOf(id);
  if (slot < 0) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    subscriptions_.removeSession(slot);  // a new logon starts without subscriptions
  }
  std::lock_guard<std::mutex> lock(statusMutex_);
  loggedOn_[id.getTargetCompID().getValue()] = true;
  statusChanged_.notify_all();
}

void VenueCore::onLogout(const FIX::SessionID& id) {
  // Called with the session's lock held: never take mutex_ here.
  std::lock_guard<std::mutex> lock(statusMutex_);
  loggedOn_[id.getTargetCompID().getValue()] = false;
  statusChanged_.notify_all();
}

void VenueCore::toAdmin(FIX::Message& message, const FIX::SessionID& id) { record(false, message, id); }

void VenueCore::toApp(FIX::Message& message, const FIX::SessionID& id) throw(FIX::DoNotSend) {
  record(false, message, id);
}

void VenueCore::fromAdmin(const FIX::Message& message, const FIX::SessionID& id) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  record(true, message, id);
}

void VenueCore::fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) {
  record(true, message, id);
  const int slot = slotOf(id);
  if (slot < 0) throw FIX::UnsupportedMessageType();
  const std::string msgType = headerField(message, FIX::FIELD::MsgType);
  // Only the listed FIX exceptions may leave this function (dynamic exception specification).
  try {
    if (slots_[static_cast<std::size_t>(slot)].marketDataOnly && msgType != FIX::MsgType_MarketDataRequest) {
      throw FIX::UnsupportedMessageType();
    }
    if (msgType == FIX::MsgType_NewOrderSingle) {
      onNewOrder(slot, message);
    } else if (msgType == FIX::MsgType_OrderCancelRequest) {
      const CancelRequest request = decodeCancel(message);
      std::lock_guard<std::mutex> lock(mutex_);
      EngineOutput out;
      engine_.cancel(slot, request, out);
      sendOutput(out);
    } else if (msgType == FIX::MsgType_OrderCancelReplaceRequest) {
      const ReplaceRequest request = decodeReplace(message);
      std::lock_guard<std::mutex> lock(mutex_);
      EngineOutput out;
      engine_.replace(slot, request, out);
      sendOutput(out);
    } else if (msgType == FIX::MsgType_MarketDataRequest) {
      onMarketDataRequest(slot, message);
    } else {
      throw FIX::UnsupportedMessageType();
    }
  } catch (const FIX::FieldNotFound&) {
    throw;
  } catch (const FIX::IncorrectDataFormat&) {
    throw;
  } catch (const FIX::IncorrectTagValue&) {
    throw;
  } catch (const FIX::UnsupportedMessageType&) {
    throw;
  } catch (const std::exception&) {
    // Anything else is a venue bug; dropping the message beats terminating the process.
  }
}

void VenueCore::onNewOrder(int slot, const FIX::Message& message) {
  if (config_.rejectOrdType != '\0' && message.isSetField(FIX::FIELD::OrdType) &&
      message.getField(FIX::FIELD::OrdType) == std::string(1, config_.rejectOrdType)) {
    if (config_.rejectStyle == RejectStyle::kSession) {
      throw FIX::IncorrectTagValue(FIX::FIELD::OrdType);  // QuickFIX answers 35=3, 373=5, 371=40
    }
    const std::string refSeqNum = headerField(message, FIX::FIELD::MsgSeqNum);
    const std::string clOrdId =
        message.isSetField(FIX::FIELD::ClOrdID) ? message.getField(FIX::FIELD::ClOrdID) : std::string();
    std::lock_guard<std::mutex> lock(mutex_);
    sendTo(slot, encodeBusinessReject(std::atoi(refSeqNum.c_str()), FIX::MsgType_NewOrderSingle, clOrdId,
                                      kBusinessRejectUnsupportedMessageType,
                                      std::string("OrdType ") + config_.rejectOrdType + " is not accepted by this venue"));
    return;
  }
  const NewOrderRequest request = decodeNewOrder(message);
  std::lock_guard<std::mutex> lock(mutex_);
  EngineOutput out;
  engine_.submit(slot, request, out);
  sendOutput(out);
}

void VenueCore::onMarketDataRequest(int slot, const FIX::Message& message) {
  const MarketDataRequest request = decodeMarketDataRequest(message);
  std::lock_guard<std::mutex> lock(mutex_);
  if (request.subscriptionType == FIX::SubscriptionRequestType_DISABLE_PREVIOUS_SNAPSHOT_PLUS_UPDATE_REQUEST) {
    subscriptions_.remove(slot, request.mdReqId);  // an unknown MDReqID needs no answer
    return;
  }
  if (request.subscriptionType != FIX::SubscriptionRequestType_SNAPSHOT &&
      request.subscriptionType != FIX::SubscriptionRequestType_SNAPSHOT_PLUS_UPDATES) {
    sendTo(slot, encodeRequestReject(request.mdReqId, kMdRejectUnsupportedSubscription,
                                     "SubscriptionRequestType must be 0, 1 or 2"));
    return;
  }
  if (!request.unsupportedEntryType.empty()) {
    sendTo(slot, encodeRequestReject(request.mdReqId, kMdRejectUnsupportedEntryType,
                                     "MDEntryType " + request.unsupportedEntryType + " is not offered (0, 1, 2 are)"));
    return;
  }
  if (request.symbols.empty()) {
    sendTo(slot, encodeRequestReject(request.mdReqId, kMdRejectUnknownSymbol, "no symbol requested"));
    return;
  }
  for (const std::string& symbol : request.symbols) {
    if (!book_.isKnown(symbol)) {
      sendTo(slot, encodeRequestReject(request.mdReqId, kMdRejectUnknownSymbol, "unknown symbol " + symbol));
      return;
    }
  }
  const bool subscribe = request.subscriptionType == FIX::SubscriptionRequestType_SNAPSHOT_PLUS_UPDATES;
  if (subscribe && subscriptions_.contains(slot, request.mdReqId)) {
    sendTo(slot, encodeRequestReject(request.mdReqId, kMdRejectDuplicateMdReqId,
                                     "MDReqID " + request.mdReqId + " is already subscribed"));
    return;
  }
  Subscription subscription;
  subscription.session = slot;
  subscription.mdReqId = request.mdReqId;
  subscription.entryMask = request.entryMask;
  subscription.symbols = request.symbols;
  for (const std::string& symbol : request.symbols) {
    unsigned sent = 0;
    sendTo(slot, encodeSnapshot(request.mdReqId, symbol, *book_.find(symbol), request.entryMask,
                                config_.quoteSize, sent));
    subscription.sentMask[symbol] = sent;
  }
  if (subscribe) subscriptions_.add(subscription);
}

}  // namespace venue_sim
