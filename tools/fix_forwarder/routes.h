#pragma once

// Where the forwarder sends: the venue's session and each client session by index (the index is the
// prefix of ClOrdIDs at the venue, see cl_ord_id_prefix.h). Filled in before the sessions start and
// only read afterwards, so both QuickFIX threads read it without a lock.

#include <quickfix/Session.h>

#include <vector>

namespace fix_forwarder {

struct Routes {
  FIX::Session* venue = nullptr;
  std::vector<FIX::Session*> clients;  // by session index
};

}  // namespace fix_forwarder
