#include "tools/md_storm/storm_client.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Values.h>

#include "tools/md_storm/limit_order.h"
#include "tools/md_storm/steady_nanos.h"

namespace md_storm {
namespace {

constexpr int kMarginStateTag = 5005;  // MarginState on AX and BA (fix-config/README.md)
constexpr char kCollateralRequest[] = "AX";
constexpr char kCollateralReport[] = "BA";

}  // namespace

StormClient::StormClient(const std::string& account, const std::string& password, BreachBook& book)
    : PasswordClient(password), account_(account), book_(book) {}

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

OrderOutcome StormClient::buy(const std::string& clOrdId, const std::string& symbol, std::int64_t quantity,
                              std::int64_t price, std::chrono::milliseconds timeout) {
  FIX44::NewOrderSingle order = limitOrder(clOrdId, account_, symbol, true, quantity, price, FIX::TimeInForce_DAY);
  FIX::SessionID session;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pendingClOrdId_ = clOrdId;
    outcome_ = OrderOutcome();
    session = sessionId_;
  }
  if (!FIX::Session::sendToTarget(order, session)) return OrderOutcome();
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, timeout, [this] { return outcome_.answered; });
  return outcome_;
}

}  // namespace md_storm
