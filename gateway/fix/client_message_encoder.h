#pragma once

// Messages to clients, built from the core's bridge messages. Header fields (comp ids, MsgSeqNum,
// SendingTime) are filled by QuickFIX when the message is sent.
//  * ExecutionReport (8): OrderID 37, ClOrdID 11, OrigClOrdID 41 (when set), ExecID 17,
//    ExecType 150, OrdStatus 39, OrdRejReason 103 (when >= 0), ExecRestatementReason 378
//    (when >= 0), Account 1 (when set), Symbol 55, Side 54, OrdType 40, TimeInForce 59,
//    OrderQty 38, Price 44 (when hasPrice), LastQty 32 / LastPx 31 (when hasLast), LeavesQty 151,
//    CumQty 14, AvgPx 6, Commission 12 with CommType 13=3 (absolute; when hasCommission),
//    Text 58 (when set), RiskRejectCode 5006 (when set), TransactTime 60 = now.
//  * OrderCancelReject (9): OrderID 37, ClOrdID 11, OrigClOrdID 41, OrdStatus 39, Account 1 (when
//    set), CxlRejResponseTo 434, CxlRejReason 102, Text 58 and RiskRejectCode 5006 (when set).

#include <quickfix/Message.h>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

FIX::Message encodeExecutionReport(const bridge::ExecutionReportOut& report);
FIX::Message encodeOrderCancelReject(const bridge::OrderCancelRejectOut& reject);

}  // namespace fix
}  // namespace gateway
