#pragma once

// Logging sessions out before a FIX process stops, shared by the gateway's FIX engine and
// fix-forwarder: every session is disabled with `reason` (QuickFIX then sends a Logout on its next
// timer tick and stops reconnecting), then the process waits until none is logged on, or `wait`.

#include <quickfix/Session.h>

#include <chrono>
#include <string>
#include <vector>

namespace gateway {
namespace fix {

// True when every session confirmed its Logout within `wait`.
bool logOutAndWait(const std::vector<FIX::Session*>& sessions, const std::string& reason,
                   std::chrono::milliseconds wait);

}  // namespace fix
}  // namespace gateway
