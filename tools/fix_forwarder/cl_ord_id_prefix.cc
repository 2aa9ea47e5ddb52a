#include "tools/fix_forwarder/cl_ord_id_prefix.h"

namespace fix_forwarder {

namespace {
constexpr std::size_t kMaxIndexDigits = 9;
}

std::string prefixClOrdId(std::size_t sessionIndex, const std::string& clientId) {
  std::string venueId = std::to_string(sessionIndex);
  venueId.reserve(venueId.size() + 1 + clientId.size());
  venueId += ':';
  venueId += clientId;
  return venueId;
}

bool splitClOrdId(const std::string& venueId, std::size_t& sessionIndex, std::string& clientId) {
  const std::size_t colon = venueId.find(':');
  if (colon == 0 || colon == std::string::npos || colon > kMaxIndexDigits) return false;
  std::size_t index = 0;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = venueId[i];
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  sessionIndex = index;
  clientId.assign(venueId, colon + 1, std::string::npos);
  return true;
}

}  // namespace fix_forwarder
