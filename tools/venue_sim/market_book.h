#pragma once

// The venue's current top of book per symbol. A symbol is known (orders accepted) once it is
// registered, even before it has a quote.

#include <map>
#include <string>
#include <vector>

#include "tools/venue_sim/venue_types.h"

namespace venue_sim {

class MarketBook {
 public:
  void addSymbol(const std::string& symbol);
  bool isKnown(const std::string& symbol) const;
  // Null when the symbol is unknown.
  const Quote* find(const std::string& symbol) const;
  // Registers the symbol if needed, applies the fields present and returns the resulting quote.
  const Quote& apply(const MarketUpdate& update);
  std::vector<std::string> symbols() const;

 private:
  std::map<std::string, Quote> quotes_;
};

}  // namespace venue_sim
