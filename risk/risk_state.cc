#include "risk/risk_state.h"

namespace risk {

std::optional<InstrumentIndex> RiskState::instrumentIndex(std::string_view symbol) const {
  const auto found = instrumentBySymbol.find(symbol);
  if (found == instrumentBySymbol.end() || !instruments[found->second].listed) return std::nullopt;
  return found->second;
}

std::optional<AccountIndex> RiskState::accountIndex(std::string_view id) const {
  const auto found = accountById.find(id);
  if (found == accountById.end() || !accounts[found->second].listed) return std::nullopt;
  return found->second;
}

const InstrumentState* RiskState::findInstrument(std::string_view symbol) const {
  const auto index = instrumentIndex(symbol);
  return index ? &instruments[*index] : nullptr;
}

const AccountState* RiskState::findAccount(std::string_view id) const {
  const auto index = accountIndex(id);
  return index ? &accounts[*index] : nullptr;
}

}  // namespace risk
