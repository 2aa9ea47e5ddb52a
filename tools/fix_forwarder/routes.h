#pragma once

// Where the forwarder sends: the venue's session and each client session by index (the index is the
// prefix of ClOrdIDs at the venue, see cl_ord_id_prefix.h), and how: from the receiving callback, or
// through the relay thread when there is one (--hand-over, relay.h). Filled in before the sessions
// start and only read afterwards, so both QuickFIX threads read it without a lock.

#include <quickfix/Session.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "tools/fix_forwarder/relay.h"

namespace fix_forwarder {

struct Routes {
  FIX::Session* venue = nullptr;
  std::vector<FIX::Session*> clients;  // by session index
  Relay* relay = nullptr;              // null: each callback sends itself

  // Sends `message` to `to` now, or queues it for the relay thread. A message that cannot be sent
  // adds one to `failures` (from the relay thread when there is one, so `forward` then returns true).
  bool forward(FIX::Session* to, std::unique_ptr<FIX::Message> message,
               std::atomic<std::uint64_t>& failures) const {
    if (relay != nullptr) {
      relay->push(to, std::move(message), failures);
      return true;
    }
    if (to != nullptr && to->isLoggedOn() && to->send(*message)) return true;
    failures.fetch_add(1);
    return false;
  }
};

}  // namespace fix_forwarder
