#pragma once

// A QuickFIX MessageStore for one session, kept in the process's shared SqliteSessionDatabase
// (one SQLite connection for every session: no file is opened per session).
//
// Every change is committed before the method returns, so a process crash loses nothing the
// session has done; with synchronous=FULL a power loss does not either (see gateway/README.md).
//
// Sequence numbers. QuickFIX sends a message by set(seq, text) then incrNextSenderMsgSeqNum().
// set() stores the message AND raises the stored next sender to at least seq + 1 in one
// transaction; the increment that follows then finds the stored value already right and only
// moves the number in memory. A crash between the two (or at any other point) therefore never
// leaves a stored next sender at or below a number already sent. incrNextSenderMsgSeqNum()
// writes only when it goes past the stored value (sessions that do not persist messages);
// incrNextTargetMsgSeqNum() and the setters write every time.
//
// getCreationTime() and the numbers are served from memory (loaded at creation and by
// refresh(), kept equal to what is stored by every write); get() reads the database.
// Threads: QuickFIX calls a store under its session's mutex, monitoring may read the numbers
// from another thread: one small mutex per store, taken before the database's.

#include <quickfix/MessageStore.h>
#include <quickfix/SessionID.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/fix/sqlite_session_database.h"

namespace gateway {
namespace fix {

class SqliteMessageStore : public FIX::MessageStore {
 public:
  // Loads the session's row, creating it (1, 1, now) when the database has none. Throws
  // FIX::IOException on a database error.
  SqliteMessageStore(std::shared_ptr<SqliteSessionDatabase> database,
                     const FIX::SessionID& sessionID);

  bool set(int msgSeqNum, const std::string& message) throw(FIX::IOException) override;
  void get(int begin, int end, std::vector<std::string>& messages) const
      throw(FIX::IOException) override;
  int getNextSenderMsgSeqNum() const throw(FIX::IOException) override;
  int getNextTargetMsgSeqNum() const throw(FIX::IOException) override;
  void setNextSenderMsgSeqNum(int value) throw(FIX::IOException) override;
  void setNextTargetMsgSeqNum(int value) throw(FIX::IOException) override;
  void incrNextSenderMsgSeqNum() throw(FIX::IOException) override;
  void incrNextTargetMsgSeqNum() throw(FIX::IOException) override;
  FIX::UtcTimeStamp getCreationTime() const throw(FIX::IOException) override;
  void reset() throw(FIX::IOException) override;
  void refresh() throw(FIX::IOException) override;

  // The key of the session's rows ("FIX.4.4:BROKER->CLIENT1").
  const std::string& sessionKey() const { return key_; }

 private:
  void load(const SessionRow& row);

  const std::shared_ptr<SqliteSessionDatabase> database_;
  const std::string key_;
  int nextSender_ = 1;    // what QuickFIX sees
  int storedSender_ = 1;  // what the database holds (>= nextSender_ except after a lowering set)
  int nextTarget_ = 1;
  FIX::UtcTimeStamp creationTime_;
  mutable std::mutex mutex_;
};

// The text a creation time is stored as (to the nanosecond) and back.
std::string creationTimeText(const FIX::UtcTimeStamp& time);
FIX::UtcTimeStamp creationTimeFromText(const std::string& text);

}  // namespace fix
}  // namespace gateway
