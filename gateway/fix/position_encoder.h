#pragma once

// The position messages to clients, built from the core's bridge messages (header fields are
// filled by QuickFIX when sent). An empty required id throws std::invalid_argument naming the tag
// (the message is not sent).
//
// Both name the account twice, as FIX 4.4 requires: Account 1, AccountType 581=1 (carried on the
// customer side of the books), and Parties with one party: PartyID 448 = the account,
// PartyIDSource 447=D (proprietary code), PartyRole 452=24 (customer account).
//
//  * RequestForPositionsAck (AO): PosMaintRptID 721, PosReqID 710 (when set),
//    TotalNumPosReports 727, PosReqResult 728, PosReqStatus 729, the account, Text 58 (when set).
//  * PositionReport (AP), one per instrument: PosMaintRptID 721, PosReqID 710 (when set),
//    TotalNumPosReports 727, PosReqResult 728=0 (valid request), ClearingBusinessDate 715 (today,
//    UTC, YYYYMMDD, when the request gave none), the account, Symbol 55, Currency 15 (when set),
//    SettlPrice 730 = the mark, SettlPriceType 731=2 (theoretical: an intraday mark),
//    PriorSettlPrice 734 = the average entry price, NoPositions 702 with one entry
//    (PosType 703=TOT total transaction quantity, LongQty 704, ShortQty 705), NoPosAmt 753 with one
//    entry (PosAmtType 707=TVAR trade variation, PosAmt 708 = unrealized PnL at the mark).
// Required ids: 721 and Account (AO); 721, Account and Symbol (AP).

#include <quickfix/Message.h>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

FIX::Message encodePositionRequestAck(const bridge::PositionRequestAckOut& ack);
FIX::Message encodePositionReport(const bridge::PositionReportOut& report);

}  // namespace fix
}  // namespace gateway
