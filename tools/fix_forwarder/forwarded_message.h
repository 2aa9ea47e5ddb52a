#pragma once

// Builds the message the forwarder sends on from one it received: the same body (every field and
// group) under a fresh header that holds only MsgType; the session fills in the rest when sending.

#include <quickfix/Message.h>

#include <string>

namespace fix_forwarder {

FIX::Message forwardedCopy(const FIX::Message& received, const std::string& msgType);

}  // namespace fix_forwarder
