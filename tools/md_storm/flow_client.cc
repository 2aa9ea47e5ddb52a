#include "tools/md_storm/flow_client.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Values.h>

#include "tools/md_storm/limit_order.h"
#include "tools/md_storm/steady_nanos.h"

namespace md_storm {

FlowClient::FlowClient(const std::string& account, const std::string& password, FlowBook& book)
    : PasswordClient(password), account_(account), book_(book) {}

void FlowClient::fromApp(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) {
  const std::int64_t arrived = steadyNanos();  // first thing on arrival
  if (message.getHeader().getField(FIX::FIELD::MsgType) != FIX::MsgType_ExecutionReport ||
      !message.isSetField(FIX::FIELD::ClOrdID)) {
    return;
  }
  std::uint64_t index = 0;
  if (!parseFlowClOrdId(message.getField(FIX::FIELD::ClOrdID), index)) return;
  const bool reject = message.isSetField(FIX::FIELD::OrdStatus) &&
                      message.getField(FIX::FIELD::OrdStatus) == std::string(1, FIX::OrdStatus_REJECTED);
  book_.onReport(index, arrived, reject);
}

bool FlowClient::send(std::uint64_t index, const std::string& symbol, bool buy, std::int64_t quantity,
                      std::int64_t price) {
  FIX44::NewOrderSingle order =
      limitOrder(flowClOrdId(index), account_, symbol, buy, quantity, price, FIX::TimeInForce_IMMEDIATE_OR_CANCEL);
  FIX::Session* session = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    session = loggedOn_ ? session_ : nullptr;
  }
  book_.sending(index);
  if (session != nullptr && session->send(order)) return true;
  book_.sendFailed(index);
  return false;
}

}  // namespace md_storm
