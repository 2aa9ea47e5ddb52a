#pragma once

// md-storm's client: the QuickFIX initiator application logged on to the gateway as CLIENT1 (with
// the password, ResetSeqNumFlag=Y: PasswordClient). It places the setup order and reports what comes back; every
// CollateralRequest (AX) for the account is stamped on arrival into the BreachBook, every
// CollateralReport (BA) saying NORMAL or WARNING is counted there. gnu++14 (includes QuickFIX).

#include <chrono>
#include <cstdint>
#include <string>

#include "tools/md_storm/breach_book.h"
#include "tools/md_storm/password_client.h"

namespace md_storm {

struct OrderOutcome {
  bool answered = false;
  bool filled = false;
  std::string text;  // the reject's Text
};

class StormClient : public PasswordClient {
 public:
  StormClient(const std::string& account, const std::string& password, BreachBook& book);

  void fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override;

  // A limit buy (day) of `quantity` whole units at `price` (raw 1e-8); waits for its fill or reject.
  OrderOutcome buy(const std::string& clOrdId, const std::string& symbol, std::int64_t quantity, std::int64_t price,
                   std::chrono::milliseconds timeout);

 private:
  const std::string account_;
  BreachBook& book_;
  std::string pendingClOrdId_;  // guarded by mutex_, with outcome_
  OrderOutcome outcome_;
};

}  // namespace md_storm
