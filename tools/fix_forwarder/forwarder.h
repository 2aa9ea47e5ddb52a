#pragma once

// The plain FIX forwarder: the gateway's QuickFIX set-up (same settings file, checks and
// completions, same logon-guarded stores over memory or over the SQLite session store of
// FixEngineOptions::sessionStorePath, same shared message log, SocketNodelay) with no
// risk logic in between. One SocketAcceptor for the client sessions, one SocketInitiator for the
// venue session; each side forwards from its own QuickFIX thread (client_side_application.h,
// venue_side_application.h), or, with handOver, hands each message to one relay thread that sends it
// (relay.h: the gateway's thread hand-over with no risk logic). Built only to be measured against the
// gateway (tools/bench).

#include <quickfix/MessageStore.h>
#include <quickfix/SocketAcceptor.h>
#include <quickfix/SocketInitiator.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "gateway/fix/fix_engine.h"
#include "gateway/fix/gateway_settings.h"
#include "gateway/fix/logon_guarded_store_factory.h"
#include "gateway/fix/shared_message_log.h"
#include "tools/fix_forwarder/client_side_application.h"
#include "tools/fix_forwarder/relay.h"
#include "tools/fix_forwarder/routes.h"
#include "tools/fix_forwarder/venue_side_application.h"

namespace fix_forwarder {

class Forwarder {
 public:
  // Reads and checks the settings as the gateway does (options.settingsPath or settingsText, the
  // port and dictionary overrides; options.messageLogPath: one shared log of every message, empty:
  // none; options.sessionStorePath: every session's store in that SQLite file, empty: memory).
  // handOver: send through the relay thread. Null and `error` set on a bad setting or when QuickFIX
  // refuses the sessions.
  static std::unique_ptr<Forwarder> create(const gateway::fix::FixEngineOptions& options, bool handOver,
                                           std::string& error);
  ~Forwarder();
  Forwarder(const Forwarder&) = delete;
  Forwarder& operator=(const Forwarder&) = delete;

  // Starts accepting clients and connecting to the venue. Throws std::runtime_error when a port
  // cannot be bound.
  void start();
  // Logs every session out (waiting up to 3 s for the answers) and stops; idempotent.
  void stop();

  bool waitVenueLoggedOn(std::chrono::milliseconds timeout);
  std::size_t clientSessionCount() const { return routes_.clients.size(); }
  std::uint64_t droppedOrders() const { return clientApplication_.dropped(); }
  std::uint64_t unroutedReports() const { return venueApplication_.unrouted(); }
  // Messages sent by the relay thread (0 without handOver).
  std::uint64_t relayedMessages() const { return relay_ ? relay_->sent() : 0; }

 private:
  Forwarder(const gateway::fix::GatewaySettings& settings, const gateway::fix::FixEngineOptions& options,
            bool handOver);

  const gateway::fix::GatewaySettings settings_;
  std::unique_ptr<FIX::MessageStoreFactory> innerStoreFactory_;  // memory or SQLite
  gateway::fix::LogonGuardedStoreFactory storeFactory_;
  gateway::fix::SharedMessageLogFactory logFactory_;
  std::unique_ptr<Relay> relay_;  // with handOver only; stopped once the sessions are, so nothing more is queued
  Routes routes_;
  ClientSideApplication clientApplication_;
  VenueSideApplication venueApplication_;
  // Declared after everything their sessions use: destroyed first.
  std::unique_ptr<FIX::SocketAcceptor> acceptor_;
  std::unique_ptr<FIX::SocketInitiator> initiator_;
  bool running_ = false;
};

}  // namespace fix_forwarder
