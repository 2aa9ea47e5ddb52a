#pragma once

// The market-data subscription and its incoming data, on whichever session carries market data
// (the marketdata session when configured, else the venue session).
//
// subscribe() stores the symbol list and sends one MarketDataRequest (V) per symbol at once when
// the carrier is logged on; carrierLoggedOn() sends them again on every (re)logon. Each request has
// a new MDReqID ("GW-MD-<start time ms>-<n>"). An empty list is stored (nothing is requested on the next
// logon) and sends nothing. A changed list is requested with a new MDReqID; the earlier
// subscription is not cancelled (SubscriptionRequestType=2 is not sent).
//
// Threads: subscribe() runs on the core's thread, carrierLoggedOn() and the decoding on the
// initiator's thread; one mutex covers the list and the sending (lock order: this, then the
// QuickFIX session's own).

#include <quickfix/Message.h>
#include <quickfix/Session.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/bridge/inbox.h"

namespace gateway {
namespace fix {

class MarketDataFeed {
 public:
  MarketDataFeed();

  // The session that carries market data; set once before the engine starts.
  void setCarrier(FIX::Session* carrier);

  // True when a request went out now (or the list is empty and the carrier logged on).
  bool subscribe(const std::vector<std::string>& symbols);
  void carrierLoggedOn();

  // W, X and Y from the carrier. Decoding errors throw as described in fix_fields.h.
  void onSnapshot(const FIX::Message& message, bridge::Inbox& inbox) const;
  void onIncremental(const FIX::Message& message, bridge::Inbox& inbox) const;
  void onRequestReject(const FIX::Message& message) const;

 private:
  bool sendRequestLocked();

  FIX::Session* carrier_ = nullptr;
  std::vector<std::string> symbols_;
  std::uint64_t requests_ = 0;
  const std::string requestPrefix_;
  std::mutex mutex_;
};

}  // namespace fix
}  // namespace gateway
