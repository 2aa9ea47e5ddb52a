#pragma once

// Stops a QuickFIX SocketAcceptor promptly. Its thread only looks at the stop flag when select()
// returns, which without traffic takes up to its one-second timeout; while the stop runs, this
// connects to the acceptor's own port every few milliseconds so that select() returns at once.

#include <quickfix/SocketAcceptor.h>

namespace venue_sim {

void stopAcceptor(FIX::SocketAcceptor& acceptor, int port, bool force);

}  // namespace venue_sim
