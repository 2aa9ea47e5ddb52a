#include "tools/fix_forwarder/venue_side_application.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Message.h>
#include <quickfix/Session.h>

#include <string>

#include "tools/fix_forwarder/cl_ord_id_prefix.h"
#include "tools/fix_forwarder/forwarded_message.h"

namespace fix_forwarder {

void VenueSideApplication::fromApp(const FIX::Message& message, const FIX::SessionID&)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
          FIX::UnsupportedMessageType) {
  const std::string& msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  if (msgType != "8" && msgType != "9") return;
  std::size_t index = 0;
  std::string clientId;
  if (!message.isSetField(FIX::FIELD::ClOrdID) ||
      !splitClOrdId(message.getField(FIX::FIELD::ClOrdID), index, clientId) ||
      index >= routes_.clients.size()) {
    unrouted_.fetch_add(1);
    return;
  }
  std::unique_ptr<FIX::Message> report = forwardedCopy(message, msgType);
  report->setField(FIX::FIELD::ClOrdID, clientId);
  if (message.isSetField(FIX::FIELD::OrigClOrdID)) {
    std::size_t origIndex = 0;
    std::string origClientId;
    if (splitClOrdId(message.getField(FIX::FIELD::OrigClOrdID), origIndex, origClientId)) {
      report->setField(FIX::FIELD::OrigClOrdID, origClientId);
    }
  }
  routes_.forward(routes_.clients[index], std::move(report), unrouted_);
}

}  // namespace fix_forwarder
