#include "tools/md_storm/flow_client.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Values.h>
#include <quickfix/fix44/NewOrderSingle.h>

#include "gateway/bridge/fix_decimal.h"
#include "tools/md_storm/steady_nanos.h"
#include "tools/md_storm/storm_model.h"

namespace md_storm {

FlowClient::FlowClient(const std::string& account, const std::string& password, FlowBook& book)
    : account_(account), password_(password), book_(book) {}

void FlowClient::onLogon(const FIX::SessionID& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = true;
  session_ = FIX::Session::lookupSession(id);
  changed_.notify_all();
}

void FlowClient::onLogout(const FIX::SessionID&) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = false;
  changed_.notify_all();
}

void FlowClient::toAdmin(FIX::Message& message, const FIX::SessionID&) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == FIX::MsgType_Logon) {
    message.setField(FIX::FIELD::Password, password_);
    message.setField(FIX::FIELD::ResetSeqNumFlag, "Y");
  }
}

void FlowClient::fromAdmin(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == FIX::MsgType_Logout &&
      message.isSetField(FIX::FIELD::Text)) {
    std::lock_guard<std::mutex> lock(mutex_);
    logoutText_ = message.getField(FIX::FIELD::Text);
  }
}

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

bool FlowClient::waitForLogon(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return loggedOn_; });
}

bool FlowClient::loggedOn() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return loggedOn_;
}

std::string FlowClient::logoutText() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return logoutText_;
}

bool FlowClient::send(std::uint64_t index, const std::string& symbol, bool buy, std::int64_t quantity,
                      std::int64_t price) {
  FIX44::NewOrderSingle order(FIX::ClOrdID(flowClOrdId(index)), FIX::Side(buy ? FIX::Side_BUY : FIX::Side_SELL),
                              FIX::TransactTime(FIX::UtcTimeStamp(), 3), FIX::OrdType(FIX::OrdType_LIMIT));
  order.set(FIX::Account(account_));
  order.set(FIX::Symbol(symbol));
  order.setField(FIX::FIELD::OrderQty, gateway::bridge::formatFixDecimal(quantity * kScale));
  order.setField(FIX::FIELD::Price, gateway::bridge::formatFixDecimal(price));
  order.set(FIX::TimeInForce(FIX::TimeInForce_IMMEDIATE_OR_CANCEL));
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
