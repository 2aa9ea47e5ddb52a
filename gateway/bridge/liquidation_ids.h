#pragma once

// The ids of liquidation orders: the risk core names them "LIQ-<call id>-<n>". C++14-clean, so the
// FIX side (which tags their raw messages) and the core (which audits their fills) read them alike.

#include <string>

namespace gateway {
namespace bridge {

// "LIQ-MC-3-2" -> "MC-3"; empty for any other id.
inline std::string callIdOfLiquidationOrder(const std::string& clOrdId) {
  static const std::string kPrefix = "LIQ-";
  if (clOrdId.compare(0, kPrefix.size(), kPrefix) != 0) return std::string();
  const std::size_t dash = clOrdId.rfind('-');
  return dash > kPrefix.size() ? clOrdId.substr(kPrefix.size(), dash - kPrefix.size()) : std::string();
}

}  // namespace bridge
}  // namespace gateway
