#pragma once

// Thread identity for the processes' own threads (C++14-clean: the FIX side includes it too).
//
// Every long-lived thread names itself, so `top -H`, `ps -L` and perf show what it is. The threads
// that only catch up on work already safe in memory or in a log (committing to SQLite, writing log
// files) also step back: their nice value rises by kBackgroundNiceStep, so on a busy core the
// scheduler runs the order path first and they take the rest. Under sustained overload they still
// get a share (the kernel weighs nice 10 at about a tenth of nice 0), and anything that needs them to
// finish (a full batch log, a flush) waits for them as before. A thread that holds a lock others wait
// on within a deadline (the WAL checkpointer) must not step back.

namespace store {

constexpr int kBackgroundNiceStep = 10;

// Names the calling thread (Linux keeps the first 15 characters). Best effort: a name that cannot be
// set changes nothing else.
void nameCurrentThread(const char* name);

// Names the calling thread and lowers its scheduling priority by kBackgroundNiceStep (at most to 19).
// Best effort: where the system refuses, the thread runs at the process's priority.
void becomeBackgroundThread(const char* name);

}  // namespace store
