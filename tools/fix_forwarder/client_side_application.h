#pragma once

// QuickFIX application of the forwarder's client sessions (acceptor side). No risk logic:
//  * Logon: Password 554 must equal the session's configured Password, as in the gateway (the
//    logon-guarded store commits or rolls back the same way); otherwise RejectLogon.
//  * NewOrderSingle (D), OrderCancelRequest (F), OrderCancelReplaceRequest (G): sent straight to the
//    venue from this callback, ClOrdID and OrigClOrdID prefixed with the session's index.
//  * Every other application message: UnsupportedMessageType (BusinessMessageReject).
// Callbacks run on the acceptor's thread.

#include <quickfix/Application.h>
#include <quickfix/SessionID.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "gateway/fix/logon_guarded_store.h"
#include "tools/fix_forwarder/routes.h"

namespace fix_forwarder {

class ClientSideApplication : public FIX::Application {
 public:
  struct Binding {
    std::size_t index = 0;
    std::string password;
    gateway::fix::LogonGuardedStore* store = nullptr;  // may be null
  };

  explicit ClientSideApplication(const Routes& routes) : routes_(routes) {}

  // Before the acceptor starts.
  void addSession(const FIX::SessionID& id, const Binding& binding);

  // Orders that could not be sent because the venue session was down.
  std::uint64_t dropped() const { return dropped_.load(); }

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID&) override {}
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message&, const FIX::SessionID&) override {}
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message& message, const FIX::SessionID& id)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID& id)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::UnsupportedMessageType) override;

 private:
  const Binding* find(const FIX::SessionID& id) const;

  const Routes& routes_;
  std::map<FIX::SessionID, Binding> sessions_;
  std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace fix_forwarder
