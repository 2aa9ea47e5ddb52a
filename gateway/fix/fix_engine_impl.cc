#include "gateway/fix/fix_engine_impl.h"

#include <quickfix/Exceptions.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "gateway/fix/client_message_encoder.h"
#include "gateway/fix/collateral_encoder.h"
#include "gateway/fix/position_encoder.h"
#include "gateway/fix/session_logout.h"
#include "gateway/fix/session_store_choice.h"
#include "gateway/fix/venue_message_encoder.h"

namespace gateway {
namespace fix {
namespace {

// QuickFIX generates a Logout on its timer tick (about a second); the peers answer at once.
constexpr std::chrono::milliseconds kLogoutWait(3000);

}  // namespace

FixEngineImpl::FixEngineImpl(const GatewaySettings& settings, const FixEngineOptions& options)
    : settings_(settings),
      innerStoreFactory_(chosenStoreFactory(options)),
      storeFactory_(*innerStoreFactory_, clientSessionIds(settings)),
      logFactory_(options.messageLogPath),
      venueApplication_(settings_.venue,
                        settings_.hasMarketDataSession ? &settings_.marketData : nullptr, feed_) {
  if (!settings_.clients.empty()) {
    acceptor_.reset(new FIX::SocketAcceptor(clientApplication_, storeFactory_,
                                            settings_.acceptorSettings, logFactory_));
  }
  initiator_.reset(new FIX::SocketInitiator(venueApplication_, storeFactory_,
                                             settings_.initiatorSettings, logFactory_));

  for (const auto& client : settings_.clients) {
    FIX::Session* session = acceptor_->getSession(client.id);
    if (session == nullptr) throw FIX::ConfigError("no QuickFIX session for " + client.id.toString());
    clientConfigs_.push_back(client.config);
    clientSessions_.push_back(session);
    sessionsById_[client.id] = session;
    ClientApplication::SessionBinding binding;
    binding.index = client.config.index;
    binding.password = client.password;
    binding.store = storeFactory_.guardedStore(client.id);
    clientApplication_.addSession(client.id, binding);
  }
  venueSession_ = initiator_->getSession(settings_.venue);
  if (venueSession_ == nullptr) {
    throw FIX::ConfigError("no QuickFIX session for " + settings_.venue.toString());
  }
  sessionsById_[settings_.venue] = venueSession_;
  FIX::Session* carrier = venueSession_;
  if (settings_.hasMarketDataSession) {
    carrier = initiator_->getSession(settings_.marketData);
    if (carrier == nullptr) {
      throw FIX::ConfigError("no QuickFIX session for " + settings_.marketData.toString());
    }
    sessionsById_[settings_.marketData] = carrier;
  }
  feed_.setCarrier(carrier);
}

FixEngineImpl::~FixEngineImpl() { stop(); }

const std::vector<bridge::ClientSessionConfig>& FixEngineImpl::clientSessions() const {
  return clientConfigs_;
}

std::vector<FIX::Session*> FixEngineImpl::everySession() const {
  std::vector<FIX::Session*> sessions;
  for (const auto& entry : sessionsById_) sessions.push_back(entry.second);
  return sessions;
}

void FixEngineImpl::start(bridge::Inbox& inbox, bridge::MessageTap* tap) {
  std::lock_guard<std::mutex> lock(lifecycleMutex_);
  if (running_) return;
  clientApplication_.setInbox(&inbox);
  clientApplication_.setMessageTap(tap);
  venueApplication_.setInbox(&inbox);
  // A previous stop() disabled the sessions; enable them again.
  for (FIX::Session* session : everySession()) session->logon();
  try {
    if (acceptor_) acceptor_->start();
    initiator_->start();
  } catch (const FIX::Exception& e) {
    if (acceptor_) acceptor_->stop(true);
    throw std::runtime_error(std::string("FIX engine cannot start: ") + e.what());
  }
  running_ = true;
}

void FixEngineImpl::logOutAndWait() {
  if (!fix::logOutAndWait(everySession(), "gateway stopping", kLogoutWait)) {
    spdlog::warn("FIX engine: some sessions did not confirm the Logout; disconnecting them");
  }
}

void FixEngineImpl::stop() {
  std::lock_guard<std::mutex> lock(lifecycleMutex_);
  if (!running_) return;
  logOutAndWait();
  if (acceptor_) acceptor_->stop(true);
  initiator_->stop(true);
  running_ = false;
}

bool FixEngineImpl::sequenceNumbers(const std::string& senderCompId,
                                    const std::string& targetCompId,
                                    SequenceNumbers& numbers) const {
  const FIX::SessionID id(FIX::BeginString_FIX44, senderCompId, targetCompId);
  if (const LogonGuardedStore* store = storeFactory_.guardedStore(id)) {
    const StoredNumbers stored = store->storedNumbers();
    numbers.nextSender = stored.nextSender;
    numbers.nextTarget = stored.nextTarget;
    return true;
  }
  const auto it = sessionsById_.find(id);
  if (it == sessionsById_.end()) return false;
  numbers.nextSender = it->second->getExpectedSenderNum();
  numbers.nextTarget = it->second->getExpectedTargetNum();
  return true;
}

FIX::Session* FixEngineImpl::clientSession(bridge::SessionIndex index) const {
  return index < clientSessions_.size() ? clientSessions_[index] : nullptr;
}

template <typename Out, typename Encoder>
bool FixEngineImpl::send(FIX::Session* session, const Out& out, Encoder encode, const char* what) {
  if (session == nullptr || !session->isLoggedOn()) return false;
  FIX::Message message;
  try {
    message = encode(out);
  } catch (const std::exception& e) {
    spdlog::error("FIX engine: {} not sent to {}: {}", what, session->getSessionID().toString(),
                  e.what());
    return false;
  }
  return session->send(message);
}

bool FixEngineImpl::sendToClient(const bridge::ExecutionReportOut& report) {
  return send(clientSession(report.session), report, encodeExecutionReport, "ExecutionReport");
}

bool FixEngineImpl::sendToClient(const bridge::OrderCancelRejectOut& reject) {
  return send(clientSession(reject.session), reject, encodeOrderCancelReject, "OrderCancelReject");
}

bool FixEngineImpl::sendToClient(const bridge::CollateralRequestOut& call) {
  return send(clientSession(call.session), call, encodeCollateralRequest, "CollateralRequest");
}

bool FixEngineImpl::sendToClient(const bridge::CollateralReportOut& report) {
  return send(clientSession(report.session), report, encodeCollateralReport, "CollateralReport");
}

bool FixEngineImpl::sendToClient(const bridge::CollateralInquiryAckOut& ack) {
  return send(clientSession(ack.session), ack, encodeCollateralInquiryAck, "CollateralInquiryAck");
}

bool FixEngineImpl::sendToClient(const bridge::CollateralResponseOut& response) {
  return send(clientSession(response.session), response, encodeCollateralResponse,
              "CollateralResponse");
}

bool FixEngineImpl::sendToClient(const bridge::PositionRequestAckOut& ack) {
  return send(clientSession(ack.session), ack, encodePositionRequestAck, "RequestForPositionsAck");
}

bool FixEngineImpl::sendToClient(const bridge::PositionReportOut& report) {
  return send(clientSession(report.session), report, encodePositionReport, "PositionReport");
}

bool FixEngineImpl::sendToVenue(const bridge::VenueNewOrderOut& order) {
  return send(venueSession_, order, encodeNewOrder, "NewOrderSingle");
}

bool FixEngineImpl::sendToVenue(const bridge::VenueCancelOut& cancel) {
  return send(venueSession_, cancel, encodeCancel, "OrderCancelRequest");
}

bool FixEngineImpl::sendToVenue(const bridge::VenueReplaceOut& replace) {
  return send(venueSession_, replace, encodeReplace, "OrderCancelReplaceRequest");
}

bool FixEngineImpl::subscribeMarketData(const std::vector<std::string>& symbols) {
  return feed_.subscribe(symbols);
}

}  // namespace fix
}  // namespace gateway
