#include "tools/venue_sim/report_encoding.h"

#include <quickfix/FixFields.h>
#include <quickfix/fix44/BusinessMessageReject.h>
#include <quickfix/fix44/ExecutionReport.h>
#include <quickfix/fix44/OrderCancelReject.h>

#include "gateway/bridge/fix_decimal.h"
#include "tools/venue_sim/decimal_math.h"

namespace venue_sim {
namespace {

constexpr int kTimestampMillis = 3;

void setDecimal(FIX::FieldMap& message, int tag, std::int64_t raw) {
  message.setField(tag, gateway::bridge::formatFixDecimal(raw));
}

char execTypeOf(ExecKind kind) {
  switch (kind) {
    case ExecKind::kNew: return '0';
    case ExecKind::kTrade: return 'F';
    case ExecKind::kCanceled: return '4';
    case ExecKind::kReplaced: return '5';
    case ExecKind::kRejected: return '8';
  }
  return '8';
}

char sideOf(Side side) { return side == Side::kBuy ? '1' : '2'; }

char ordTypeOf(OrdType ordType) { return ordType == OrdType::kMarket ? '1' : '2'; }

char timeInForceOf(TimeInForce timeInForce) {
  switch (timeInForce) {
    case TimeInForce::kDay: return '0';
    case TimeInForce::kGoodTillCancel: return '1';
    case TimeInForce::kImmediateOrCancel: return '3';
    case TimeInForce::kFillOrKill: return '4';
  }
  return '0';
}

}  // namespace

FIX::Message encodeExecutionReport(const Execution& execution, const ReportSettings& settings) {
  const VenueOrder& order = execution.order;
  FIX44::ExecutionReport report;
  report.set(FIX::OrderID(order.orderId));
  report.set(FIX::ExecID(execution.execId));
  report.set(FIX::ClOrdID(order.clOrdId));
  if (!order.origClOrdId.empty()) report.set(FIX::OrigClOrdID(order.origClOrdId));
  report.set(FIX::ExecType(execTypeOf(execution.kind)));
  report.set(FIX::OrdStatus(order.ordStatus));
  if (!order.account.empty()) report.set(FIX::Account(order.account));
  report.set(FIX::Symbol(order.symbol));
  report.set(FIX::Side(sideOf(order.side)));
  report.set(FIX::OrdType(ordTypeOf(order.ordType)));
  report.set(FIX::TimeInForce(timeInForceOf(order.timeInForce)));
  if (order.orderQty > 0) setDecimal(report, FIX::FIELD::OrderQty, order.orderQty);
  if (order.ordType == OrdType::kLimit && order.price > 0) setDecimal(report, FIX::FIELD::Price, order.price);
  if (execution.kind == ExecKind::kTrade) {
    setDecimal(report, FIX::FIELD::LastQty, execution.lastQty);
    setDecimal(report, FIX::FIELD::LastPx, execution.lastPx);
    if (settings.hasCommission) {
      setDecimal(report, FIX::FIELD::Commission, settings.commissionPerUnit);
      report.set(FIX::CommType(FIX::CommType_PER_UNIT));
    }
  }
  setDecimal(report, FIX::FIELD::LeavesQty, order.leavesQty());
  setDecimal(report, FIX::FIELD::CumQty, order.cumQty);
  setDecimal(report, FIX::FIELD::AvgPx, averagePrice(order.cumNotional, order.cumQty));
  report.set(FIX::TransactTime(FIX::UtcTimeStamp(), kTimestampMillis));
  if (execution.kind == ExecKind::kRejected) report.set(FIX::OrdRejReason(execution.ordRejReason));
  if (!execution.text.empty()) report.set(FIX::Text(execution.text));
  return report;
}

FIX::Message encodeCancelReject(const CancelReject& reject) {
  FIX44::OrderCancelReject message;
  message.set(FIX::OrderID(reject.orderId));
  message.set(FIX::ClOrdID(reject.clOrdId));
  message.set(FIX::OrigClOrdID(reject.origClOrdId));
  message.set(FIX::OrdStatus(reject.ordStatus));
  message.set(FIX::CxlRejResponseTo(reject.responseTo));
  message.set(FIX::CxlRejReason(reject.reason));
  if (!reject.text.empty()) message.set(FIX::Text(reject.text));
  return message;
}

FIX::Message encodeBusinessReject(int refSeqNum, const std::string& refMsgType, const std::string& refId,
                                  int reason, const std::string& text) {
  FIX44::BusinessMessageReject message;
  if (refSeqNum > 0) message.set(FIX::RefSeqNum(refSeqNum));
  message.set(FIX::RefMsgType(refMsgType));
  if (!refId.empty()) message.set(FIX::BusinessRejectRefID(refId));
  message.set(FIX::BusinessRejectReason(reason));
  if (!text.empty()) message.set(FIX::Text(text));
  return message;
}

}  // namespace venue_sim
