#include "tools/venue_sim/market_data.h"

#include <quickfix/FixFields.h>
#include <quickfix/fix44/MarketDataIncrementalRefresh.h>
#include <quickfix/fix44/MarketDataRequestReject.h>
#include <quickfix/fix44/MarketDataSnapshotFullRefresh.h>

#include "gateway/bridge/fix_decimal.h"

namespace venue_sim {
namespace {

struct Entry {
  unsigned bit;
  char type;
  std::int64_t price;
};

std::vector<Entry> entriesOf(const Quote& quote, unsigned entryMask) {
  std::vector<Entry> entries;
  if ((entryMask & kEntryBid) && quote.hasBid) entries.push_back(Entry{kEntryBid, '0', quote.bid});
  if ((entryMask & kEntryOffer) && quote.hasAsk) entries.push_back(Entry{kEntryOffer, '1', quote.ask});
  if ((entryMask & kEntryTrade) && quote.hasLast) entries.push_back(Entry{kEntryTrade, '2', quote.last});
  return entries;
}

void noteEntryType(const std::string& type, MarketDataRequest& request) {
  if (type == "0") {
    request.entryMask |= kEntryBid;
  } else if (type == "1") {
    request.entryMask |= kEntryOffer;
  } else if (type == "2") {
    request.entryMask |= kEntryTrade;
  } else if (request.unsupportedEntryType.empty()) {
    request.unsupportedEntryType = type;
  }
}

}  // namespace

MarketDataRequest decodeMarketDataRequest(const FIX::Message& message) {
  MarketDataRequest request;
  request.mdReqId = message.getField(FIX::FIELD::MDReqID);
  const std::string type = message.getField(FIX::FIELD::SubscriptionRequestType);
  request.subscriptionType = type.size() == 1 ? type[0] : '?';
  const std::size_t typeGroups = message.groupCount(FIX::FIELD::NoMDEntryTypes);
  const std::size_t symbolGroups = message.groupCount(FIX::FIELD::NoRelatedSym);
  if (typeGroups > 0 || symbolGroups > 0) {
    for (std::size_t i = 1; i <= typeGroups; ++i) {
      const FIX::FieldMap& group = message.getGroupRef(static_cast<int>(i), FIX::FIELD::NoMDEntryTypes);
      if (group.isSetField(FIX::FIELD::MDEntryType)) noteEntryType(group.getField(FIX::FIELD::MDEntryType), request);
    }
    for (std::size_t i = 1; i <= symbolGroups; ++i) {
      const FIX::FieldMap& group = message.getGroupRef(static_cast<int>(i), FIX::FIELD::NoRelatedSym);
      if (group.isSetField(FIX::FIELD::Symbol)) request.symbols.push_back(group.getField(FIX::FIELD::Symbol));
    }
  } else {
    // Parsed without a dictionary: the group members are plain (repeated) body fields.
    for (FIX::FieldMap::const_iterator field = message.begin(); field != message.end(); ++field) {
      if (field->getTag() == FIX::FIELD::MDEntryType) noteEntryType(field->getString(), request);
      if (field->getTag() == FIX::FIELD::Symbol) request.symbols.push_back(field->getString());
    }
  }
  if (request.entryMask == 0 && request.unsupportedEntryType.empty()) request.entryMask = kAllEntries;
  return request;
}

FIX::Message encodeSnapshot(const std::string& mdReqId, const std::string& symbol, const Quote& quote,
                            unsigned entryMask, std::int64_t entrySize, unsigned& sentMask) {
  FIX44::MarketDataSnapshotFullRefresh snapshot;
  snapshot.set(FIX::MDReqID(mdReqId));
  snapshot.set(FIX::Symbol(symbol));
  sentMask = 0;
  const std::vector<Entry> entries = entriesOf(quote, entryMask);
  for (const Entry& entry : entries) {
    FIX44::MarketDataSnapshotFullRefresh::NoMDEntries group;
    group.set(FIX::MDEntryType(entry.type));
    group.setField(FIX::FIELD::MDEntryPx, gateway::bridge::formatFixDecimal(entry.price));
    group.setField(FIX::FIELD::MDEntrySize, gateway::bridge::formatFixDecimal(entrySize));
    snapshot.addGroup(group);
    sentMask |= entry.bit;
  }
  if (entries.empty()) snapshot.set(FIX::NoMDEntries(0));
  return snapshot;
}

bool encodeIncremental(const std::string& mdReqId, const std::string& symbol, const Quote& quote,
                       unsigned entryMask, std::int64_t entrySize, unsigned& sentMask, FIX::Message& out) {
  const std::vector<Entry> entries = entriesOf(quote, entryMask);
  if (entries.empty()) return false;
  FIX44::MarketDataIncrementalRefresh refresh;
  refresh.set(FIX::MDReqID(mdReqId));
  for (const Entry& entry : entries) {
    FIX44::MarketDataIncrementalRefresh::NoMDEntries group;
    group.set(FIX::MDUpdateAction((sentMask & entry.bit) ? FIX::MDUpdateAction_CHANGE : FIX::MDUpdateAction_NEW));
    group.set(FIX::MDEntryType(entry.type));
    group.set(FIX::Symbol(symbol));
    group.setField(FIX::FIELD::MDEntryPx, gateway::bridge::formatFixDecimal(entry.price));
    group.setField(FIX::FIELD::MDEntrySize, gateway::bridge::formatFixDecimal(entrySize));
    refresh.addGroup(group);
    sentMask |= entry.bit;
  }
  out = refresh;
  return true;
}

FIX::Message encodeRequestReject(const std::string& mdReqId, char reason, const std::string& text) {
  FIX44::MarketDataRequestReject reject;
  reject.set(FIX::MDReqID(mdReqId));
  reject.set(FIX::MDReqRejReason(reason));
  if (!text.empty()) reject.set(FIX::Text(text));
  return reject;
}

}  // namespace venue_sim
