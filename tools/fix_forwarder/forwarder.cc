#include "tools/fix_forwarder/forwarder.h"

#include <quickfix/Exceptions.h>

#include <stdexcept>
#include <thread>
#include <vector>

#include "gateway/fix/session_logout.h"
#include "gateway/fix/session_store_choice.h"

namespace fix_forwarder {
namespace {

constexpr std::chrono::milliseconds kLogoutWait(3000);
constexpr std::chrono::milliseconds kPoll(10);

}  // namespace

std::unique_ptr<Forwarder> Forwarder::create(const gateway::fix::FixEngineOptions& options, bool handOver,
                                             std::string& error) {
  gateway::fix::GatewaySettings settings;
  if (!gateway::fix::loadGatewaySettings(options, settings, error)) return nullptr;
  if (settings.clients.empty()) {
    error = "no client session (GatewayRole=client) in the settings";
    return nullptr;
  }
  try {
    return std::unique_ptr<Forwarder>(new Forwarder(settings, options, handOver));
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
}

Forwarder::Forwarder(const gateway::fix::GatewaySettings& settings,
                     const gateway::fix::FixEngineOptions& options, bool handOver)
    : settings_(settings),
      innerStoreFactory_(gateway::fix::chosenStoreFactory(options)),  // as the gateway does
      storeFactory_(*innerStoreFactory_, gateway::fix::clientSessionIds(settings)),
      logFactory_(options.messageLogPath),
      relay_(handOver ? new Relay : nullptr),
      clientApplication_(routes_),
      venueApplication_(routes_) {
  routes_.relay = relay_.get();
  acceptor_.reset(new FIX::SocketAcceptor(clientApplication_, storeFactory_,
                                          settings_.acceptorSettings, logFactory_));
  initiator_.reset(new FIX::SocketInitiator(venueApplication_, storeFactory_,
                                             settings_.initiatorSettings, logFactory_));
  for (const auto& client : settings_.clients) {
    FIX::Session* session = acceptor_->getSession(client.id);
    if (session == nullptr) throw FIX::ConfigError("no QuickFIX session for " + client.id.toString());
    ClientSideApplication::Binding binding;
    binding.index = routes_.clients.size();
    binding.password = client.password;
    binding.store = storeFactory_.guardedStore(client.id);
    clientApplication_.addSession(client.id, binding);
    routes_.clients.push_back(session);
  }
  // Market data is not forwarded: a market-data session, if configured, is left out.
  routes_.venue = initiator_->getSession(settings_.venue);
  if (routes_.venue == nullptr) {
    throw FIX::ConfigError("no QuickFIX session for " + settings_.venue.toString());
  }
}

Forwarder::~Forwarder() { stop(); }

void Forwarder::start() {
  if (running_) return;
  if (relay_) relay_->start();
  try {
    acceptor_->start();
    initiator_->start();
  } catch (const FIX::Exception& e) {
    acceptor_->stop(true);
    throw std::runtime_error(std::string("fix-forwarder cannot start: ") + e.what());
  }
  running_ = true;
}

bool Forwarder::waitVenueLoggedOn(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!routes_.venue->isLoggedOn()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPoll);
  }
  return true;
}

void Forwarder::stop() {
  if (!running_) return;
  std::vector<FIX::Session*> sessions(routes_.clients);
  sessions.push_back(routes_.venue);
  gateway::fix::logOutAndWait(sessions, "fix-forwarder stopping", kLogoutWait);
  acceptor_->stop(true);
  initiator_->stop(true);
  if (relay_) relay_->stop();
  running_ = false;
}

}  // namespace fix_forwarder
