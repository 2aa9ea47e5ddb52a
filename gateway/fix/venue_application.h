#pragma once

// QuickFIX application of the initiator sessions: the venue (orders) and, when configured, the
// separate market-data session. One SocketInitiator holds both, so callbacks run on its thread.
//
// Venue session:
//  * onLogon/onLogout -> Inbox::onVenueSession; when market data comes over the venue session,
//    also Inbox::onMarketDataSession and the subscription is (re)sent.
//  * toApp: remembers each outgoing application message's MsgSeqNum -> ClOrdID, MsgType
//    (resends, PossDupFlag=Y, are not remembered again).
//  * fromApp: ExecutionReport (8), OrderCancelReject (9), BusinessMessageReject (j) -> the Inbox
//    (venue_report_decoder.h); W / X -> Inbox::onMarketData and Y -> logged (accepted on either
//    session). Anything else: UnsupportedMessageType (BusinessMessageReject 380=3 to the venue).
//  * fromAdmin: a session-level Reject (3) of an application message -> Inbox::onVenueMessageReject
//    with sessionLevel=true and the ClOrdID found through RefSeqNum (rejects of session messages
//    are only logged).
// Market-data session: onLogon/onLogout -> Inbox::onMarketDataSession (+ subscription); W, X, Y
// as above; anything else UnsupportedMessageType; its Rejects are logged.
// The Inbox hears only changes: QuickFIX can call onLogout twice for one disconnection (once when
// the peer's Logout is processed, again when the initiator notices the closed socket).

#include <quickfix/Application.h>
#include <quickfix/SessionID.h>

#include <atomic>

#include "gateway/bridge/inbox.h"
#include "gateway/fix/market_data_feed.h"
#include "gateway/fix/sent_message_index.h"

namespace gateway {
namespace fix {

class VenueApplication : public FIX::Application {
 public:
  // `marketDataSession` null: market data comes over the venue session.
  VenueApplication(const FIX::SessionID& venueSession, const FIX::SessionID* marketDataSession,
                   MarketDataFeed& feed);

  void setInbox(bridge::Inbox* inbox) { inbox_ = inbox; }

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
  bool isVenue(const FIX::SessionID& id) const { return id == venue_; }
  bool carriesMarketData(const FIX::SessionID& id) const;
  void onVenueSessionReject(const FIX::Message& message);
  void venueChanged(bool loggedOn);
  void marketDataChanged(bool loggedOn);

  const FIX::SessionID venue_;
  const bool separateMarketData_;
  const FIX::SessionID marketData_;
  MarketDataFeed& feed_;
  SentMessageIndex sent_;
  bridge::Inbox* inbox_ = nullptr;
  std::atomic<bool> venueLoggedOn_{false};
  std::atomic<bool> marketDataLoggedOn_{false};
};

}  // namespace fix
}  // namespace gateway
