#pragma once

// md-storm's order-flow client: a second QuickFIX initiator application, logged on to the gateway
// as CLIENT2 (its own password, ResetSeqNumFlag=Y: PasswordClient) and entitled to the flow
// account. It sends the flow's NewOrderSingles (limit IOC) and stamps each order's first
// ExecutionReport on arrival into the FlowBook. gnu++14 (includes QuickFIX).

#include <cstdint>
#include <string>

#include "tools/md_storm/flow_book.h"
#include "tools/md_storm/password_client.h"

namespace md_storm {

class FlowClient : public PasswordClient {
 public:
  FlowClient(const std::string& account, const std::string& password, FlowBook& book);

  void fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override;

  // Flow order `index`: a limit IOC of `quantity` whole units at `price` (raw 1e-8), buy or sell.
  // Recorded in the book before the send. False when QuickFIX did not send it.
  bool send(std::uint64_t index, const std::string& symbol, bool buy, std::int64_t quantity, std::int64_t price);

 private:
  const std::string account_;
  FlowBook& book_;
};

}  // namespace md_storm
