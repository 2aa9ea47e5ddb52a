#include "gateway/bridge/fix_decimal.h"

#include "risk/fixed_point.h"

namespace gateway::bridge {

bool parseFixDecimal(const std::string& text, std::int64_t& raw) {
  const risk::RawParse parsed = risk::parseRawDecimal(text);
  if (parsed.error != risk::DecimalError::kNone) return false;
  raw = parsed.raw;
  return true;
}

std::string formatFixDecimal(std::int64_t raw) { return risk::formatRawDecimal(raw); }

}  // namespace gateway::bridge
