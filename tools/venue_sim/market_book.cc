#include "tools/venue_sim/market_book.h"

namespace venue_sim {

void MarketBook::addSymbol(const std::string& symbol) { quotes_[symbol]; }

bool MarketBook::isKnown(const std::string& symbol) const { return quotes_.count(symbol) != 0; }

const Quote* MarketBook::find(const std::string& symbol) const {
  const auto found = quotes_.find(symbol);
  return found == quotes_.end() ? nullptr : &found->second;
}

const Quote& MarketBook::apply(const MarketUpdate& update) {
  Quote& quote = quotes_[update.symbol];
  const Quote& changes = update.changes;
  if (changes.hasBid) {
    quote.hasBid = true;
    quote.bid = changes.bid;
  }
  if (changes.hasAsk) {
    quote.hasAsk = true;
    quote.ask = changes.ask;
  }
  if (changes.hasLast) {
    quote.hasLast = true;
    quote.last = changes.last;
  }
  return quote;
}

std::vector<std::string> MarketBook::symbols() const {
  std::vector<std::string> names;
  for (const auto& entry : quotes_) names.push_back(entry.first);
  return names;
}

}  // namespace venue_sim
