#include "gateway/fix/busy_refusal.h"

#include "gateway/bridge/order_rejection.h"

namespace gateway {
namespace fix {

bridge::ExecutionReportOut busyRejection(const bridge::ClientNewOrder& order, const std::string& execId,
                                         std::size_t waiting, std::size_t limit) {
  return bridge::orderRejection(order, order.clOrdId, execId, bridge::kOrdRejOther, kGatewayBusy,
                                std::string(kGatewayBusy) + ": " + std::to_string(waiting) +
                                    " inputs wait for the risk engine (limit " + std::to_string(limit) +
                                    "); the order was not sent, send it again later");
}

}  // namespace fix
}  // namespace gateway
