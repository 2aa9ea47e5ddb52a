#pragma once

#include <cstdint>
#include <string_view>

namespace risk {

enum class Side : uint8_t { kBuy, kSell };
enum class OrderType : uint8_t { kLimit, kMarket };

// The margin-call lifecycle of one account, from best to worst.
enum class MarginState : uint8_t { kNormal, kWarning, kCall, kLiquidation };

std::string_view toString(Side side);
std::string_view toString(OrderType type);
std::string_view toString(MarginState state);

constexpr int signOf(Side side) { return side == Side::kBuy ? 1 : -1; }

}  // namespace risk
