#pragma once

// md-storm's client: the QuickFIX initiator application logged on to the gateway as CLIENT1 (with
// the password, ResetSeqNumFlag=Y). It places the setup order and reports what comes back; every
// CollateralRequest (AX) for the account is stamped on arrival into the BreachBook, every
// CollateralReport (BA) saying NORMAL or WARNING is counted there. gnu++14 (includes QuickFIX).

#include <quickfix/Application.h>
#include <quickfix/Session.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "tools/md_storm/breach_book.h"

namespace md_storm {

struct OrderOutcome {
  bool answered = false;
  bool filled = false;
  std::string text;  // the reject's Text
};

class StormClient : public FIX::Application {
 public:
  StormClient(const std::string& account, const std::string& password, BreachBook& book);

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID& id) override;
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message& message, const FIX::SessionID& id) override;
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override;

  bool waitForLogon(std::chrono::milliseconds timeout);
  bool loggedOn() const;
  std::string logoutText() const;

  // A limit buy (day) of `quantity` whole units at `price` (raw 1e-8); waits for its fill or reject.
  OrderOutcome buy(const std::string& clOrdId, const std::string& symbol, std::int64_t quantity, std::int64_t price,
                   std::chrono::milliseconds timeout);

 private:
  const std::string account_;
  const std::string password_;
  BreachBook& book_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool loggedOn_ = false;
  FIX::SessionID session_;
  std::string logoutText_;
  std::string pendingClOrdId_;
  OrderOutcome outcome_;
};

}  // namespace md_storm
