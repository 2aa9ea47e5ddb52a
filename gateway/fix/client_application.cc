#include "gateway/fix/client_application.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Message.h>
#include <quickfix/Session.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "gateway/fix/busy_refusal.h"
#include "gateway/fix/call_message_tap.h"
#include "gateway/fix/client_message_encoder.h"
#include "gateway/fix/client_order_decoder.h"
#include "gateway/fix/collateral_decoder.h"

namespace gateway {
namespace fix {
namespace {

// Compares without stopping at the first difference, so that the time taken does not tell how
// much of a guessed password was right.
bool samePassword(const std::string& given, const std::string& expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const char other = expected.empty() ? '\0' : expected[i % expected.size()];
    difference |= static_cast<unsigned char>(given[i] ^ other);
  }
  return difference == 0;
}

}  // namespace

ClientApplication::ClientApplication()
    : nextBusyExecId_(static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                      std::chrono::system_clock::now().time_since_epoch())
                                                      .count())) {}

void ClientApplication::addSession(const FIX::SessionID& id, const SessionBinding& binding) {
  sessions_[id] = binding;
}

const ClientApplication::SessionBinding* ClientApplication::find(const FIX::SessionID& id) const {
  const auto it = sessions_.find(id);
  return it == sessions_.end() ? nullptr : &it->second;
}

bool ClientApplication::changed(const FIX::SessionID& id, bool loggedOn) {
  std::lock_guard<std::mutex> lock(toldMutex_);
  bool& told = toldLoggedOn_[id];
  if (told == loggedOn) return false;
  told = loggedOn;
  return true;
}

void ClientApplication::onLogon(const FIX::SessionID& id) {
  const SessionBinding* session = find(id);
  if (session == nullptr || !changed(id, true)) return;
  spdlog::info("FIX client {} logged on", id.toString());
  if (inbox_ != nullptr) inbox_->onClientSession(session->index, true);
}

void ClientApplication::onLogout(const FIX::SessionID& id) {
  const SessionBinding* session = find(id);
  if (session == nullptr) return;
  if (session->store != nullptr) session->store->loggedOut();
  if (!changed(id, false)) return;
  spdlog::info("FIX client {} logged out", id.toString());
  if (inbox_ != nullptr) inbox_->onClientSession(session->index, false);
}

void ClientApplication::fromAdmin(const FIX::Message& message, const FIX::SessionID& id)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) != "A") return;
  const SessionBinding* session = find(id);
  const bool accepted = session != nullptr && message.isSetField(FIX::FIELD::Password) &&
                        samePassword(message.getField(FIX::FIELD::Password), session->password);
  if (!accepted) {
    if (session != nullptr && session->store != nullptr) session->store->rollbackLogon();
    spdlog::warn("FIX client {}: logon refused (invalid password)", id.toString());
    throw FIX::RejectLogon("invalid password");
  }
  if (session->store != nullptr) session->store->commitLogon();
}

void ClientApplication::toApp(FIX::Message& message, const FIX::SessionID& id) throw(FIX::DoNotSend) {
  if (tap_ != nullptr) tapIfAboutACall(message, id, true, *tap_);
}

void ClientApplication::fromApp(const FIX::Message& message, const FIX::SessionID& id)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
          FIX::UnsupportedMessageType) {
  const SessionBinding* session = find(id);
  if (session == nullptr || inbox_ == nullptr) throw FIX::UnsupportedMessageType();
  const std::string& msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  if (tap_ != nullptr && msgType == "AY") tapIfAboutACall(message, id, false, *tap_);
  if (msgType == "D") {
    const bridge::ClientNewOrder order = decodeNewOrder(message, session->index);
    if (inbox_->refusesNewOrders()) return refuseBusy(order, id);
    if (refusing_.load(std::memory_order_relaxed)) admitted();
    inbox_->onClientNewOrder(order);
  } else if (msgType == "F") {
    inbox_->onClientCancel(decodeCancel(message, session->index));
  } else if (msgType == "G") {
    inbox_->onClientReplace(decodeReplace(message, session->index));
  } else if (msgType == "BB") {
    inbox_->onClientCollateralInquiry(decodeCollateralInquiry(message, session->index));
  } else if (msgType == "AY") {
    inbox_->onClientCollateralAssignment(decodeCollateralAssignment(message, session->index));
  } else if (msgType == "AN") {
    inbox_->onClientPositionRequest(decodePositionRequest(message, session->index));
  } else {
    throw FIX::UnsupportedMessageType();
  }
}

void ClientApplication::refuseBusy(const bridge::ClientNewOrder& order, const FIX::SessionID& id) {
  const std::size_t waiting = inbox_->inputsWaiting();
  const std::size_t limit = inbox_->inputsWaitingLimit();
  refused_.fetch_add(1, std::memory_order_relaxed);
  if (!refusing_.exchange(true)) {
    spdlog::warn("GATEWAY_BUSY: refusing new orders, {} inputs wait for the risk thread (limit {})", waiting, limit);
  }
  const std::string execId = "BUSY-" + std::to_string(nextBusyExecId_.fetch_add(1, std::memory_order_relaxed));
  FIX::Message report = encodeExecutionReport(busyRejection(order, execId, waiting, limit));
  if (!FIX::Session::sendToTarget(report, id)) {
    spdlog::warn("FIX client {}: GATEWAY_BUSY refusal of {} not sent", id.toString(), order.clOrdId);
  }
}

void ClientApplication::admitted() {
  if (!refusing_.exchange(false)) return;
  spdlog::info("GATEWAY_BUSY ended: new orders taken again; {} refused so far",
               refused_.load(std::memory_order_relaxed));
}

}  // namespace fix
}  // namespace gateway
