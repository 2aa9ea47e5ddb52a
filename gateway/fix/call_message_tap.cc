#include "gateway/fix/call_message_tap.h"

#include <quickfix/FieldNumbers.h>

#include <chrono>

namespace gateway {
namespace fix {
namespace {

std::string fieldOr(const FIX::FieldMap& map, int tag) {
  return map.isSetField(tag) ? map.getField(tag) : std::string();
}

// "LIQ-MC-3-2" -> "MC-3".
std::string callOfLiquidationOrder(const std::string& clOrdId) {
  if (clOrdId.compare(0, 4, "LIQ-") != 0) return std::string();
  const std::size_t dash = clOrdId.rfind('-');
  return dash > 4 ? clOrdId.substr(4, dash - 4) : std::string();
}

}  // namespace

void tapIfAboutACall(const FIX::Message& message, const FIX::SessionID& id, bool outbound, bridge::MessageTap& tap) {
  const std::string msgType = fieldOr(message.getHeader(), FIX::FIELD::MsgType);
  const bool collateral = msgType == "AX" || msgType == "AY" || msgType == "AZ" || msgType == "BA";
  const std::string clOrdId = fieldOr(message, FIX::FIELD::ClOrdID);
  const std::string liquidationCall = msgType == "8" ? callOfLiquidationOrder(clOrdId) : std::string();
  if (!collateral && liquidationCall.empty()) return;
  bridge::TappedFixMessage tapped;
  tapped.timeNanos = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  tapped.outbound = outbound;
  tapped.session = id.getSenderCompID().getString() + "->" + id.getTargetCompID().getString();
  tapped.msgType = msgType;
  tapped.account = fieldOr(message, FIX::FIELD::Account);
  tapped.callId = collateral ? fieldOr(message, FIX::FIELD::CollReqID) : liquidationCall;
  tapped.orderId = clOrdId;
  tapped.raw = message.toString();
  tap.onFixMessage(tapped);
}

}  // namespace fix
}  // namespace gateway
