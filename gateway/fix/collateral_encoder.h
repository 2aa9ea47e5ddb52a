#pragma once

// The margin-call messages to clients, built from the core's bridge messages (header fields are
// filled by QuickFIX when sent). Money is written exactly from its 1e-8 counts ("-42500.5").
// An empty required id throws std::invalid_argument naming the tag (the message is not sent).
//
// The margin figures (bridge::MarginNumbers), on AX and BA: Currency 15 (when set),
// TotalNetValue 900 = equity, MaintenanceMargin 5001, InitialMargin 5002,
// DeficitToMaintenance 5003, MarginHealth 5004 (left out when unbounded, i.e. no maintenance
// margin), MarginState 5005 (when set), AvailableFunds 5007, AmountToCure 5008.
//
//  * CollateralRequest (AX), the margin call: CollReqID 894, CollAsgnReason 895=3 (margin
//    deficiency), TransactTime 60 = now, ExpireTime 126 = the deadline (UTC, milliseconds; when
//    expireTimeNanos > 0), Account 1, MarginExcess 899, the margin figures, Text 58 (when set).
//  * CollateralReport (BA): CollRptID 908, CollInquiryID 909 (when set), CollStatus 910,
//    Account 1, MarginExcess 899, CashOutstanding 901, the margin figures, TransactTime 60 = now,
//    Text 58 (when set).
//  * CollateralInquiryAck (BG): CollInquiryID 909, CollInquiryStatus 945, CollInquiryResult 946
//    (when >= 0), Account 1 (when set), TotNumReports 911 (when >= 0), Text 58 (when set).
//  * CollateralResponse (AZ): CollRespID 904, CollAsgnID 902, CollReqID 894 (when set),
//    CollAsgnReason 895, CollAsgnRespType 905, TransactTime 60 = now, Account 1 (when set),
//    Currency 15 (when set), the amount as Quantity 53 with QtyType 854=0 (units of the currency;
//    when hasAmount, as on the CollateralAssignment), Text 58 (when set).
// Required ids: 894 (AX); 908 and Account (BA); 909 (BG); 904 and 902 (AZ).

#include <quickfix/Message.h>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

FIX::Message encodeCollateralRequest(const bridge::CollateralRequestOut& call);
FIX::Message encodeCollateralReport(const bridge::CollateralReportOut& report);
FIX::Message encodeCollateralInquiryAck(const bridge::CollateralInquiryAckOut& ack);
FIX::Message encodeCollateralResponse(const bridge::CollateralResponseOut& response);

}  // namespace fix
}  // namespace gateway
