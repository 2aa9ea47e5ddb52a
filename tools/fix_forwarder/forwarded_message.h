#pragma once

// Builds the message the forwarder sends on from one it received: the same body (every field and
// group) under a fresh header that holds only MsgType; the session fills in the rest when sending.
// On the heap, so that it can be handed to the relay thread (relay.h) without another copy.

#include <quickfix/Message.h>

#include <memory>
#include <string>

namespace fix_forwarder {

std::unique_ptr<FIX::Message> forwardedCopy(const FIX::Message& received, const std::string& msgType);

}  // namespace fix_forwarder
