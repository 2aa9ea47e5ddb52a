#include "tools/md_storm/storm_client.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Values.h>
#include <quickfix/fix44/NewOrderSingle.h>

#include "gateway/bridge/fix_decimal.h"
#include "tools/md_storm/steady_nanos.h"
#include "tools/md_storm/storm_model.h"

namespace md_storm {
namespace {

constexpr int kMarginStateTag = 5005;  // MarginState on AX and BA (fix-config/README.md)
constexpr char kCollateralRequest[] = "AX";
constexpr char kCollateralReport[] = "BA";

}  // namespace

StormClient::StormClient(const std::string& account, const std::string& password, BreachBook& book)
    : account_(account), password_(password), book_(book) {}

void StormClient::onLogon(const FIX::SessionID& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = true;
  session_ = id;
  changed_.notify_all();
}

void StormClient::onLogout(const FIX::SessionID&) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = false;
  changed_.notify_all();
}

void StormClient::toAdmin(FIX::Message& message, const FIX::SessionID&) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == FIX::MsgType_Logon) {
    message.setField(FIX::FIELD::Password, password_);
    message.setField(FIX::FIELD::ResetSeqNumFlag, "Y");
  }
}

void StormClient::fromAdmin(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == FIX::MsgType_Logout &&
      message.isSetField(FIX::FIELD::Text)) {
    std::lock_guard<std::mutex> lock(mutex_);
    logoutText_ = message.getField(FIX::FIELD::Text);
  }
}

void StormClient::fromApp(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) {
  const std::int64_t arrived = steadyNanos();  // t1: first thing on arrival
  const std::string& msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  const bool ours = message.isSetField(FIX::FIELD::Account) && message.getField(FIX::FIELD::Account) == account_;
  if (msgType == kCollateralRequest) {
    if (ours) book_.onCall(arrived);
    return;
  }
  if (msgType == kCollateralReport) {
    if (ours && message.isSetField(kMarginStateTag)) {
      const std::string& state = message.getField(kMarginStateTag);
      if (state == "NORMAL" || state == "WARNING") book_.onBackToNormal();
    }
    return;
  }
  if (msgType == FIX::MsgType_ExecutionReport && message.isSetField(FIX::FIELD::ClOrdID)) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (message.getField(FIX::FIELD::ClOrdID) != pendingClOrdId_) return;
    const std::string status = message.isSetField(FIX::FIELD::OrdStatus) ? message.getField(FIX::FIELD::OrdStatus) : "";
    if (status == "2" || status == "8") {
      outcome_.answered = true;
      outcome_.filled = status == "2";
      outcome_.text = message.isSetField(FIX::FIELD::Text) ? message.getField(FIX::FIELD::Text) : "";
      changed_.notify_all();
    }
  }
}

bool StormClient::waitForLogon(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return loggedOn_; });
}

bool StormClient::loggedOn() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return loggedOn_;
}

std::string StormClient::logoutText() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return logoutText_;
}

OrderOutcome StormClient::buy(const std::string& clOrdId, const std::string& symbol, std::int64_t quantity,
                              std::int64_t price, std::chrono::milliseconds timeout) {
  FIX44::NewOrderSingle order(FIX::ClOrdID(clOrdId), FIX::Side(FIX::Side_BUY), FIX::TransactTime(FIX::UtcTimeStamp(), 3),
                              FIX::OrdType(FIX::OrdType_LIMIT));
  order.set(FIX::Account(account_));
  order.set(FIX::Symbol(symbol));
  order.setField(FIX::FIELD::OrderQty, gateway::bridge::formatFixDecimal(quantity * kScale));
  order.setField(FIX::FIELD::Price, gateway::bridge::formatFixDecimal(price));
  order.set(FIX::TimeInForce(FIX::TimeInForce_DAY));
  FIX::SessionID session;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pendingClOrdId_ = clOrdId;
    outcome_ = OrderOutcome();
    session = session_;
  }
  if (!FIX::Session::sendToTarget(order, session)) return OrderOutcome();
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, timeout, [this] { return outcome_.answered; });
  return outcome_;
}

}  // namespace md_storm
