#pragma once

// md-storm's order-flow client: a second QuickFIX initiator application, logged on to the gateway
// as CLIENT2 (its own password, ResetSeqNumFlag=Y) and entitled to the flow account. It sends the
// flow's NewOrderSingles (limit IOC) and stamps each order's first ExecutionReport on arrival into
// the FlowBook. gnu++14 (includes QuickFIX).

#include <quickfix/Application.h>
#include <quickfix/Session.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "tools/md_storm/flow_book.h"

namespace md_storm {

class FlowClient : public FIX::Application {
 public:
  FlowClient(const std::string& account, const std::string& password, FlowBook& book);

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

  // Flow order `index`: a limit IOC of `quantity` whole units at `price` (raw 1e-8), buy or sell.
  // Recorded in the book before the send. False when QuickFIX did not send it.
  bool send(std::uint64_t index, const std::string& symbol, bool buy, std::int64_t quantity, std::int64_t price);

 private:
  const std::string account_;
  const std::string password_;
  FlowBook& book_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool loggedOn_ = false;
  FIX::Session* session_ = nullptr;
  std::string logoutText_;
};

}  // namespace md_storm
