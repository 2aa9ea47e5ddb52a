#pragma once

// QuickFIX application of the client sessions (acceptor side).
//
//  * Logon (fromAdmin): Password 554 must equal the session's configured Password. Wrong or
//    missing: the guarded store rolls back (no sequence number changes, see
//    logon_guarded_store.h) and RejectLogon("invalid password") makes QuickFIX answer a Logout
//    whose Text 58 is "invalid password", then disconnect. Right: the store commits.
//  * onLogon / onLogout -> Inbox::onClientSession(index, true/false), on changes only (QuickFIX
//    can report one disconnection twice).
//  * NewOrderSingle (D), OrderCancelRequest (F), OrderCancelReplaceRequest (G) -> the Inbox,
//    decoded as in client_order_decoder.h (its rejects apply). While the Inbox refuses new orders
//    (Inbox::refusesNewOrders: the core is too far behind), a decoded NewOrderSingle is answered
//    here instead: ExecutionReport 150=8 39=8 103=99 5006=GATEWAY_BUSY, ExecID BUSY-<n>; the core
//    never sees it. One warning when refusing starts, one line with the count when it ends.
//  * CollateralInquiry (BB), CollateralAssignment (AY), RequestForPositions (AN) -> the Inbox,
//    decoded as in collateral_decoder.h (same rejects).
//  * Every other application message type, market data included: UnsupportedMessageType ->
//    QuickFIX answers BusinessMessageReject 380=3.
// Callbacks run on the acceptor's thread.

#include <quickfix/Application.h>
#include <quickfix/SessionID.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "gateway/bridge/inbox.h"
#include "gateway/bridge/message_tap.h"
#include "gateway/fix/logon_guarded_store.h"

namespace gateway {
namespace fix {

class ClientApplication : public FIX::Application {
 public:
  ClientApplication();

  struct SessionBinding {
    bridge::SessionIndex index = 0;
    std::string password;
    LogonGuardedStore* store = nullptr;  // may be null (then nothing to commit or roll back)
  };

  // Before the acceptor starts.
  void addSession(const FIX::SessionID& id, const SessionBinding& binding);
  void setInbox(bridge::Inbox* inbox) { inbox_ = inbox; }
  // Before the acceptor starts: where the raw messages about margin calls go (none when null).
  void setMessageTap(bridge::MessageTap* tap) { tap_ = tap; }

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID& id) override;
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message&, const FIX::SessionID&) override {}
  void toApp(FIX::Message& message, const FIX::SessionID& id) throw(FIX::DoNotSend) override;
  void fromAdmin(const FIX::Message& message, const FIX::SessionID& id)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID& id)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::UnsupportedMessageType) override;

 private:
  const SessionBinding* find(const FIX::SessionID& id) const;
  // True when the session's state differs from what the Inbox was last told (then records it).
  bool changed(const FIX::SessionID& id, bool loggedOn);
  // Answers `order` with GATEWAY_BUSY (a warning when it cannot be sent: the session just went down).
  void refuseBusy(const bridge::ClientNewOrder& order, const FIX::SessionID& id);
  void admitted();

  std::map<FIX::SessionID, SessionBinding> sessions_;
  bridge::Inbox* inbox_ = nullptr;
  bridge::MessageTap* tap_ = nullptr;
  std::map<FIX::SessionID, bool> toldLoggedOn_;
  std::mutex toldMutex_;
  std::atomic<std::uint64_t> nextBusyExecId_;  // from the wall clock at start: unique across restarts
  std::atomic<bool> refusing_{false};
  std::atomic<std::uint64_t> refused_{0};
};

}  // namespace fix
}  // namespace gateway
