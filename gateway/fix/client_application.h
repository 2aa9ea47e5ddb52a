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
//    decoded as in client_order_decoder.h (its rejects apply).
//  * CollateralInquiry (BB), CollateralAssignment (AY), RequestForPositions (AN) -> the Inbox,
//    decoded as in collateral_decoder.h (same rejects).
//  * Every other application message type, market data included: UnsupportedMessageType ->
//    QuickFIX answers BusinessMessageReject 380=3.
// Callbacks run on the acceptor's thread.

#include <quickfix/Application.h>
#include <quickfix/SessionID.h>

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

  std::map<FIX::SessionID, SessionBinding> sessions_;
  bridge::Inbox* inbox_ = nullptr;
  bridge::MessageTap* tap_ = nullptr;
  std::map<FIX::SessionID, bool> toldLoggedOn_;
  std::mutex toldMutex_;
};

}  // namespace fix
}  // namespace gateway
