#pragma once

// Exact FIX decimals for code that must compile as gnu++14 (everything that includes QuickFIX).
// C++14-clean on purpose; implemented in C++20 on top of risk/fixed_point.h, so both sides parse
// and print decimals the same way. Values are counts of 1e-8, like risk::Price and friends.

#include <cstdint>
#include <string>

namespace gateway {
namespace bridge {

// True and `raw` set when `text` is a FIX decimal with at most 8 decimal places and no exponent
// (the rules are in risk/README.md); false otherwise, `raw` untouched.
bool parseFixDecimal(const std::string& text, std::int64_t& raw);

// Shortest exact text: "101.25", "-0.5", "100".
std::string formatFixDecimal(std::int64_t raw);

}  // namespace bridge
}  // namespace gateway
