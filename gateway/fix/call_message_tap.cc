#include "gateway/fix/call_message_tap.h"

#include <quickfix/FieldNumbers.h>

#include <chrono>

#include "gateway/bridge/liquidation_ids.h"

namespace gateway {
namespace fix {
namespace {

std::string fieldOr(const FIX::FieldMap& map, int tag) {
  return map.isSetField(tag) ? map.getField(tag) : std::string();
}

}  // namespace

void tapIfAboutACall(const FIX::Message& message, const FIX::SessionID& id, bool outbound, bridge::MessageTap& tap) {
  const std::string msgType = fieldOr(message.getHeader(), FIX::FIELD::MsgType);
  const bool collateral = msgType == "AX" || msgType == "AY" || msgType == "AZ" || msgType == "BA";
  const std::string clOrdId = fieldOr(message, FIX::FIELD::ClOrdID);
  const std::string liquidationCall = msgType == "8" ? bridge::callIdOfLiquidationOrder(clOrdId) : std::string();
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
