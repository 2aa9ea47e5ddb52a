#pragma once

// Builds the venue's outbound order messages: ExecutionReport (8), OrderCancelReject (9) and
// BusinessMessageReject (j). Decimals are written as exact text with formatFixDecimal.

#include <cstdint>
#include <string>

#include <quickfix/Message.h>

#include "tools/venue_sim/venue_order.h"

namespace venue_sim {

struct ReportSettings {
  bool hasCommission = false;
  std::int64_t commissionPerUnit = 0;  // raw; sent as Commission (12) with CommType (13) = 1 on fills
};

FIX::Message encodeExecutionReport(const Execution& execution, const ReportSettings& settings);
FIX::Message encodeCancelReject(const CancelReject& reject);
// RefSeqNum, RefMsgType and BusinessRejectRefID name the refused message.
FIX::Message encodeBusinessReject(int refSeqNum, const std::string& refMsgType, const std::string& refId,
                                  int reason, const std::string& text);

}  // namespace venue_sim
