#pragma once

// Raw FIX messages the compliance record keeps: the FIX side hands each one about a margin call
// (CollateralRequest, CollateralAssignment, CollateralResponse, CollateralReport, and the execution
// reports and orders of liquidations) to a MessageTap as it is sent or received. C++14-clean.

#include <cstdint>
#include <string>

namespace gateway {
namespace bridge {

struct TappedFixMessage {
  std::int64_t timeNanos = 0;  // UTC, when it was sent or received
  bool outbound = false;
  std::string session;  // "BROKER->CLIENT1", "GATEWAY->VENUE"
  std::string msgType;  // "AX", "AY", ...
  std::string account;  // Account (1), when present
  std::string callId;   // CollReqID (894), or the call of a liquidation order's ClOrdID
  std::string orderId;  // ClOrdID (11), when present
  std::string raw;      // the message as on the wire (SOH-delimited)
};

class MessageTap {
 public:
  virtual ~MessageTap() = default;
  // Called from QuickFIX's threads: must only queue.
  virtual void onFixMessage(const TappedFixMessage& message) = 0;
};

}  // namespace bridge
}  // namespace gateway
