#pragma once

// Thread identity and scheduling for the processes' own threads (C++14-clean: the FIX side includes
// it too).
//
// Every long-lived thread names itself, so `top -H`, `ps -L` and perf show what it is.
//
// The order path asks for short turns. Linux (6.6 and later) gives every runnable thread a turn of
// about 1.4 ms before it must make way, and a thread that wakes up (an order arriving, the risk
// thread handed an input) waits for the running one's turn to end: with the store's checkpointer or
// a log writer running, a breaching tick waited milliseconds in the socket before QuickFIX read it.
// A thread that asks for a shorter turn (sched_setattr's sched_runtime, Linux 6.12 and later) is
// let in as soon as it wakes instead. The gateway and the forwarder ask at start-up (unless run with
// --turns default), before any thread exists, so every thread inherits it; the threads that only
// catch up take the default turn back. Nothing gets more CPU than before: the share is still by
// nice value, only the waiting is shorter. The cost: the order path's own threads also cut into each
// other's turns, one switch more an order (gateway/README.md has both sides measured).
//
// The threads that only catch up on work already safe in memory or in a log (committing to SQLite,
// writing log files) also step back: their nice value rises by kBackgroundNiceStep, so on a busy
// core the scheduler runs the order path first and they take the rest. Under sustained overload
// they still get a share (the kernel weighs nice 10 at about a tenth of nice 0), and anything that
// needs them to finish (a full batch log, a flush) waits for them as before. A thread that holds a
// lock others wait on within a deadline (the WAL checkpointer) must not step back.

#include <cstdint>

namespace store {

constexpr int kBackgroundNiceStep = 10;
constexpr std::uint64_t kShortTurnNanos = 100'000;  // the shortest turn Linux grants

// Asks for turns of kShortTurnNanos for the calling thread and every thread it creates afterwards.
// Returns false where the kernel refuses, or when the thread is not under the normal policy (one an
// operator started under `chrt` keeps its policy); a kernel older than 6.12 accepts the call and
// keeps the default turn. Either way nothing else changes.
bool askForShortTurns();

// Names the calling thread (Linux keeps the first 15 characters). Best effort: a name that cannot be
// set changes nothing else.
void nameCurrentThread(const char* name);

// Names the calling thread and gives it the default turn back (under the normal policy only); its
// priority stays (the checkpointer).
void becomeHousekeepingThread(const char* name);

// A housekeeping thread that also lowers its scheduling priority by kBackgroundNiceStep (at most to
// 19). Best effort: where the system refuses, the thread runs at the process's priority.
void becomeBackgroundThread(const char* name);

}  // namespace store
