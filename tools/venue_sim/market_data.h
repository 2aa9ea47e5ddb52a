#pragma once

// Market data over FIX: decoding a MarketDataRequest (V) and building the snapshot (W),
// incremental refresh (X) and request reject (Y). Entries are bid (0), offer (1) and trade (2).

#include <cstdint>
#include <string>
#include <vector>

#include <quickfix/Message.h>

#include "tools/venue_sim/venue_types.h"

namespace venue_sim {

constexpr unsigned kEntryBid = 1u << 0;
constexpr unsigned kEntryOffer = 1u << 1;
constexpr unsigned kEntryTrade = 1u << 2;
constexpr unsigned kAllEntries = kEntryBid | kEntryOffer | kEntryTrade;

struct MarketDataRequest {
  std::string mdReqId;
  char subscriptionType = '0';  // 0 snapshot, 1 snapshot + updates, 2 unsubscribe
  unsigned entryMask = 0;       // requested entry types (none named: all)
  std::string unsupportedEntryType;  // set when an MDEntryType other than 0, 1, 2 was asked for
  std::vector<std::string> symbols;
};

// Reads the repeating groups when the message was parsed with a dictionary, else the flat fields.
MarketDataRequest decodeMarketDataRequest(const FIX::Message& message);

// `sentMask` gets the entry types included (so later updates can say New or Change).
FIX::Message encodeSnapshot(const std::string& mdReqId, const std::string& symbol, const Quote& quote,
                            unsigned entryMask, std::int64_t entrySize, unsigned& sentMask);
// Entries for the requested types that the quote has: MDUpdateAction 0 (new) for a type not sent
// before, else 1 (change). Returns false (nothing to send) when there is no entry.
bool encodeIncremental(const std::string& mdReqId, const std::string& symbol, const Quote& quote,
                       unsigned entryMask, std::int64_t entrySize, unsigned& sentMask, FIX::Message& out);
FIX::Message encodeRequestReject(const std::string& mdReqId, char reason, const std::string& text);

}  // namespace venue_sim
