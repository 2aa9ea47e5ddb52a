#pragma once

// Market data decoded into one MarketDataUpdate per symbol (decimals exact). The entries are the
// repeating group NoMDEntries (268), which QuickFIX parses only with the data dictionary loaded.
// MDEntryType 269: 0 bid, 1 offer (ask), 2 trade (last); other types are ignored, and so are
// entries without MDEntryPx 270.
//  * MarketDataSnapshotFullRefresh (W): Symbol 55 of the message; one update, whose absent sides
//    mean "none in the snapshot". A snapshot with no priced entry still yields its (empty) update.
//  * MarketDataIncrementalRefresh (X): each entry's Symbol, or the previous entry's when it has
//    none (entries before any symbol are ignored); MDUpdateAction 279 = 2 (delete) entries are
//    ignored. One update per symbol, in order of first appearance, with the last price seen for
//    each side.
// A price that is not an exact decimal throws IncorrectTagValue(270).

#include <quickfix/Message.h>

#include <vector>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

std::vector<bridge::MarketDataUpdate> decodeSnapshot(const FIX::Message& message);
std::vector<bridge::MarketDataUpdate> decodeIncremental(const FIX::Message& message);

}  // namespace fix
}  // namespace gateway
