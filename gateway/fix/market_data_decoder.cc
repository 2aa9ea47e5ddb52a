#include "gateway/fix/market_data_decoder.h"

#include <quickfix/FieldNumbers.h>

#include <string>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

constexpr char kBid = '0';
constexpr char kOffer = '1';
constexpr char kTrade = '2';
constexpr char kDelete = '2';

// Applies one entry (type and price) to `update`; entries of other types are ignored.
void applyEntry(const FIX::FieldMap& entry, bridge::MarketDataUpdate& update) {
  std::int64_t price = 0;
  if (!optionalDecimal(entry, FIX::FIELD::MDEntryPx, price)) return;
  switch (optionalChar(entry, FIX::FIELD::MDEntryType, ' ')) {
    case kBid:
      update.bid = price;
      update.hasBid = true;
      break;
    case kOffer:
      update.ask = price;
      update.hasAsk = true;
      break;
    case kTrade:
      update.last = price;
      update.hasLast = true;
      break;
    default:
      break;
  }
}

bridge::MarketDataUpdate& updateFor(std::vector<bridge::MarketDataUpdate>& updates,
                                    const std::string& symbol) {
  for (auto& update : updates) {
    if (update.symbol == symbol) return update;
  }
  bridge::MarketDataUpdate update;
  update.symbol = symbol;
  updates.push_back(update);
  return updates.back();
}

}  // namespace

std::vector<bridge::MarketDataUpdate> decodeSnapshot(const FIX::Message& message) {
  bridge::MarketDataUpdate update;
  update.symbol = requiredText(message, FIX::FIELD::Symbol);
  const std::size_t entries = message.groupCount(FIX::FIELD::NoMDEntries);
  for (std::size_t i = 1; i <= entries; ++i) {
    applyEntry(message.getGroupRef(static_cast<int>(i), FIX::FIELD::NoMDEntries), update);
  }
  return std::vector<bridge::MarketDataUpdate>(1, update);
}

std::vector<bridge::MarketDataUpdate> decodeIncremental(const FIX::Message& message) {
  std::vector<bridge::MarketDataUpdate> updates;
  std::string symbol;
  const std::size_t entries = message.groupCount(FIX::FIELD::NoMDEntries);
  for (std::size_t i = 1; i <= entries; ++i) {
    const FIX::FieldMap& entry =
        message.getGroupRef(static_cast<int>(i), FIX::FIELD::NoMDEntries);
    if (entry.isSetField(FIX::FIELD::Symbol)) symbol = entry.getField(FIX::FIELD::Symbol);
    if (symbol.empty()) continue;
    if (optionalChar(entry, FIX::FIELD::MDUpdateAction, '0') == kDelete) continue;
    applyEntry(entry, updateFor(updates, symbol));
  }
  // Symbols whose entries were all ignored produce no update.
  std::vector<bridge::MarketDataUpdate> priced;
  for (const auto& update : updates) {
    if (update.hasBid || update.hasAsk || update.hasLast) priced.push_back(update);
  }
  return priced;
}

}  // namespace fix
}  // namespace gateway
