#pragma once

// QuickFIX application of the forwarder's venue session (initiator side). ExecutionReports (8) and
// OrderCancelRejects (9) go back to the client session named by their ClOrdID's prefix, sent from
// this callback with the client's ClOrdID and OrigClOrdID restored. Anything else from the venue
// (market data, business rejects) is ignored. Callbacks run on the initiator's thread.

#include <quickfix/Application.h>
#include <quickfix/SessionID.h>

#include <atomic>
#include <cstdint>

#include "tools/fix_forwarder/routes.h"

namespace fix_forwarder {

class VenueSideApplication : public FIX::Application {
 public:
  explicit VenueSideApplication(const Routes& routes) : routes_(routes) {}

  // Reports that could not be routed back (no prefix, unknown index, client logged off).
  std::uint64_t unrouted() const { return unrouted_.load(); }

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID&) override {}
  void onLogout(const FIX::SessionID&) override {}
  void toAdmin(FIX::Message&, const FIX::SessionID&) override {}
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message&, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::RejectLogon) override {}
  void fromApp(const FIX::Message& message, const FIX::SessionID& id)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::UnsupportedMessageType) override;

 private:
  const Routes& routes_;
  std::atomic<std::uint64_t> unrouted_{0};
};

}  // namespace fix_forwarder
