#pragma once

// The ExecutionReport that refuses an order the gateway decided on itself, before or instead of the
// venue (a risk denial, the venue unavailable, GATEWAY_BUSY): ExecType and OrdStatus 8, nothing
// filled, OrderID NONE. C++14-clean: the core (C++20) and the FIX side (gnu++14) both build it here.
// `Order` is anything holding the order's terms under these names: ClientNewOrder, the core's
// RoutedOrder.

#include <string>
#include <utility>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace bridge {

constexpr int kOrdRejOther = 99;  // OrdRejReason (103): other

template <class Order>
ExecutionReportOut orderRejection(const Order& order, const std::string& clOrdId, std::string execId, int reason,
                                  std::string code, std::string text) {
  ExecutionReportOut report;
  report.session = order.session;
  report.orderId = "NONE";
  report.clOrdId = clOrdId;
  report.execId = std::move(execId);
  report.execType = '8';
  report.ordStatus = '8';
  report.ordRejReason = reason;
  report.account = order.account;
  report.symbol = order.symbol;
  report.side = order.side;
  report.ordType = order.ordType;
  report.timeInForce = order.timeInForce;
  report.orderQty = order.quantity;
  report.price = order.price;
  report.hasPrice = order.hasPrice;
  report.text = std::move(text);
  report.riskCode = std::move(code);
  return report;
}

}  // namespace bridge
}  // namespace gateway
