#include "gateway/fix/venue_report_decoder.h"

#include <quickfix/FieldNumbers.h>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

constexpr __int128 kScale = 100000000;

// x / divisor rounded half-even (divisor > 0).
std::int64_t divideHalfEven(__int128 x, __int128 divisor) {
  __int128 quotient = x / divisor;
  const __int128 remainder = x % divisor;
  const __int128 twice = (remainder < 0 ? -remainder : remainder) * 2;
  if (twice > divisor || (twice == divisor && quotient % 2 != 0)) quotient += x < 0 ? -1 : 1;
  return static_cast<std::int64_t>(quotient);
}

// Commission (12) as an amount, by CommType (13): 1 per unit (x LastQty), 2 percent of LastQty x
// LastPx (the contract multiplier is not known here: venues that charge by percent on multiplied
// contracts should send the amount instead), 3 or absent an absolute amount. Other types are taken
// as an absolute amount.
std::int64_t commissionAmount(char commType, std::int64_t commission, std::int64_t lastQty, std::int64_t lastPx) {
  switch (commType) {
    case '1':
      return divideHalfEven(static_cast<__int128>(commission) * lastQty, kScale);
    case '2':
      return divideHalfEven(static_cast<__int128>(commission) * lastQty / kScale * lastPx, kScale * 100);
    default:
      return commission;
  }
}

}  // namespace

bridge::VenueExecution decodeExecution(const FIX::Message& message) {
  bridge::VenueExecution report;
  report.clOrdId = optionalTextAsUtf8(message, FIX::FIELD::ClOrdID);
  report.origClOrdId = optionalTextAsUtf8(message, FIX::FIELD::OrigClOrdID);
  report.orderId = requiredTextAsUtf8(message, FIX::FIELD::OrderID);
  report.execId = requiredTextAsUtf8(message, FIX::FIELD::ExecID);
  report.execType = requiredChar(message, FIX::FIELD::ExecType);
  report.ordStatus = requiredChar(message, FIX::FIELD::OrdStatus);
  report.hasOrderQty = optionalDecimal(message, FIX::FIELD::OrderQty, report.orderQty);
  report.hasPrice = optionalDecimal(message, FIX::FIELD::Price, report.price);
  optionalDecimal(message, FIX::FIELD::LastQty, report.lastQty);
  optionalDecimal(message, FIX::FIELD::LastPx, report.lastPx);
  report.leavesQty = requiredDecimal(message, FIX::FIELD::LeavesQty);
  report.cumQty = requiredDecimal(message, FIX::FIELD::CumQty);
  report.avgPx = requiredDecimal(message, FIX::FIELD::AvgPx);
  report.hasCommission = optionalDecimal(message, FIX::FIELD::Commission, report.commission);
  if (report.hasCommission) {
    const char commType = optionalChar(message, FIX::FIELD::CommType, '3');
    report.commission = commissionAmount(commType, report.commission, report.lastQty, report.lastPx);
  }
  report.ordRejReason = optionalInt(message, FIX::FIELD::OrdRejReason, -1);
  report.text = optionalTextAsUtf8(message, FIX::FIELD::Text);
  return report;
}

bridge::VenueCancelReject decodeCancelReject(const FIX::Message& message) {
  bridge::VenueCancelReject reject;
  reject.clOrdId = requiredTextAsUtf8(message, FIX::FIELD::ClOrdID);
  reject.origClOrdId = requiredTextAsUtf8(message, FIX::FIELD::OrigClOrdID);
  reject.orderId = requiredTextAsUtf8(message, FIX::FIELD::OrderID);
  reject.ordStatus = requiredChar(message, FIX::FIELD::OrdStatus);
  reject.responseTo = requiredChar(message, FIX::FIELD::CxlRejResponseTo, "12");
  reject.reason = optionalInt(message, FIX::FIELD::CxlRejReason, 0);
  reject.text = optionalTextAsUtf8(message, FIX::FIELD::Text);
  return reject;
}

bridge::VenueMessageReject decodeBusinessReject(const FIX::Message& message,
                                                const SentMessageIndex& sent) {
  bridge::VenueMessageReject reject;
  reject.sessionLevel = false;
  reject.refMsgType = requiredTextAsUtf8(message, FIX::FIELD::RefMsgType);
  reject.reason = requiredInt(message, FIX::FIELD::BusinessRejectReason);
  reject.text = optionalTextAsUtf8(message, FIX::FIELD::Text);
  reject.clOrdId = optionalTextAsUtf8(message, FIX::FIELD::BusinessRejectRefID);
  if (reject.clOrdId.empty() && message.isSetField(FIX::FIELD::RefSeqNum)) {
    SentMessage original;
    if (sent.find(requiredInt(message, FIX::FIELD::RefSeqNum), original)) {
      reject.clOrdId = original.clOrdId;
    }
  }
  return reject;
}

bridge::VenueMessageReject decodeSessionReject(const FIX::Message& message,
                                               const SentMessageIndex& sent) {
  bridge::VenueMessageReject reject;
  reject.sessionLevel = true;
  reject.reason = optionalInt(message, FIX::FIELD::SessionRejectReason, 0);
  reject.text = optionalTextAsUtf8(message, FIX::FIELD::Text);
  reject.refMsgType = optionalTextAsUtf8(message, FIX::FIELD::RefMsgType);
  SentMessage original;
  if (sent.find(requiredInt(message, FIX::FIELD::RefSeqNum), original)) {
    reject.clOrdId = original.clOrdId;
    if (reject.refMsgType.empty()) reject.refMsgType = original.msgType;
  }
  return reject;
}

}  // namespace fix
}  // namespace gateway
