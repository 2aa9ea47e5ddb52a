#include "gateway/fix/client_message_encoder.h"

#include <quickfix/FieldNumbers.h>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

constexpr char kCommTypeAbsolute = '3';

}  // namespace

FIX::Message encodeExecutionReport(const bridge::ExecutionReportOut& report) {
  FIX::Message message = messageOfType("8");
  setText(message, FIX::FIELD::OrderID, report.orderId);
  setText(message, FIX::FIELD::ClOrdID, report.clOrdId);
  setTextIfAny(message, FIX::FIELD::OrigClOrdID, report.origClOrdId);
  setText(message, FIX::FIELD::ExecID, report.execId);
  setChar(message, FIX::FIELD::ExecType, report.execType);
  setChar(message, FIX::FIELD::OrdStatus, report.ordStatus);
  if (report.ordRejReason >= 0) setInt(message, FIX::FIELD::OrdRejReason, report.ordRejReason);
  if (report.execRestatementReason >= 0) {
    setInt(message, FIX::FIELD::ExecRestatementReason, report.execRestatementReason);
  }
  setTextIfAny(message, FIX::FIELD::Account, report.account);
  setText(message, FIX::FIELD::Symbol, report.symbol);
  setChar(message, FIX::FIELD::Side, report.side);
  setChar(message, FIX::FIELD::OrdType, report.ordType);
  setChar(message, FIX::FIELD::TimeInForce, report.timeInForce);
  setDecimal(message, FIX::FIELD::OrderQty, report.orderQty);
  if (report.hasPrice) setDecimal(message, FIX::FIELD::Price, report.price);
  if (report.hasLast) {
    setDecimal(message, FIX::FIELD::LastQty, report.lastQty);
    setDecimal(message, FIX::FIELD::LastPx, report.lastPx);
  }
  setDecimal(message, FIX::FIELD::LeavesQty, report.leavesQty);
  setDecimal(message, FIX::FIELD::CumQty, report.cumQty);
  setDecimal(message, FIX::FIELD::AvgPx, report.avgPx);
  if (report.hasCommission) {
    setDecimal(message, FIX::FIELD::Commission, report.commission);
    setChar(message, FIX::FIELD::CommType, kCommTypeAbsolute);
  }
  setTextIfAny(message, FIX::FIELD::Text, report.text);
  setTextIfAny(message, kRiskRejectCodeTag, report.riskCode);
  setTransactTimeNow(message);
  return message;
}

FIX::Message encodeOrderCancelReject(const bridge::OrderCancelRejectOut& reject) {
  FIX::Message message = messageOfType("9");
  setText(message, FIX::FIELD::OrderID, reject.orderId);
  setText(message, FIX::FIELD::ClOrdID, reject.clOrdId);
  setText(message, FIX::FIELD::OrigClOrdID, reject.origClOrdId);
  setChar(message, FIX::FIELD::OrdStatus, reject.ordStatus);
  setTextIfAny(message, FIX::FIELD::Account, reject.account);
  setChar(message, FIX::FIELD::CxlRejResponseTo, reject.responseTo);
  setInt(message, FIX::FIELD::CxlRejReason, reject.reason);
  setTextIfAny(message, FIX::FIELD::Text, reject.text);
  setTextIfAny(message, kRiskRejectCodeTag, reject.riskCode);
  return message;
}

}  // namespace fix
}  // namespace gateway
