#pragma once

// The ids of liquidation orders: the risk core names them "LIQ-<call id>-<n>". C++14-clean, so the
// FIX side (which tags their raw messages) and the core (which audits their fills) read them alike.

#include <string>

namespace gateway {
namespace bridge {

// "LIQ-MC-3-2" -> "MC-3"; empty for any other id.
// (A literal, not a function-local static std::string: that one was seen empty in the FIX tap, so
// every ExecutionReport was taken for a liquidation's.)
inline std::string callIdOfLiquidationOrder(const std::string& clOrdId) {
  constexpr std::size_t kPrefixSize = 4;
  if (clOrdId.compare(0, kPrefixSize, "LIQ-") != 0) return std::string();
  const std::size_t dash = clOrdId.rfind('-');  // found: the prefix has one
  return dash > kPrefixSize ? clOrdId.substr(kPrefixSize, dash - kPrefixSize) : std::string();
}

}  // namespace bridge
}  // namespace gateway
