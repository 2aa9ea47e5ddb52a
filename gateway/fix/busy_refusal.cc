#include "gateway/fix/busy_refusal.h"

namespace gateway {
namespace fix {

bridge::ExecutionReportOut busyRejection(const bridge::ClientNewOrder& order, const std::string& execId,
                                         std::size_t waiting, std::size_t limit) {
  bridge::ExecutionReportOut report;
  report.session = order.session;
  report.orderId = "NONE";
  report.clOrdId = order.clOrdId;
  report.execId = execId;
  report.execType = '8';
  report.ordStatus = '8';
  report.ordRejReason = 99;
  report.account = order.account;
  report.symbol = order.symbol;
  report.side = order.side;
  report.ordType = order.ordType;
  report.timeInForce = order.timeInForce;
  report.orderQty = order.quantity;
  report.price = order.price;
  report.hasPrice = order.hasPrice;
  report.text = std::string(kGatewayBusy) + ": " + std::to_string(waiting) +
                " inputs wait for the risk engine (limit " + std::to_string(limit) +
                "); the order was not sent, send it again later";
  report.riskCode = kGatewayBusy;
  return report;
}

}  // namespace fix
}  // namespace gateway
