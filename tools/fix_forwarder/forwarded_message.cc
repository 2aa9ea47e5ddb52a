#include "tools/fix_forwarder/forwarded_message.h"

#include <quickfix/Fields.h>

namespace fix_forwarder {

std::unique_ptr<FIX::Message> forwardedCopy(const FIX::Message& received, const std::string& msgType) {
  std::unique_ptr<FIX::Message> copy(new FIX::Message(received));
  copy->getHeader().clear();
  copy->getTrailer().clear();
  copy->getHeader().setField(FIX::MsgType(msgType));
  return copy;
}

}  // namespace fix_forwarder
