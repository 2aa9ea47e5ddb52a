#pragma once

// A MessageStore for client sessions: a refused Logon leaves the stored sequence numbers exactly
// as they were, even when it carried ResetSeqNumFlag=Y (141=Y).
//
// Why a store is needed. QuickFIX 1.15.1's Session::nextLogon applies 141=Y (and, on acceptors,
// ResetOnLogon=Y) by resetting the store BEFORE verify() hands the Logon to Application::fromAdmin.
// Refusing the Logon there (throwing RejectLogon) comes too late: the reset is done, and QuickFIX
// then sends a Logout (generateLogout -> sendRaw -> store set + incrNextSenderMsgSeqNum) and
// disconnects. Anyone who knows a client's comp ids could wipe its session with one bad Logon.
//
// How it works. The store sits on an inner store (a MemoryStore or a SqliteMessageStore) and keeps an optional shadow:
// next sender number, next target number, a message cache and a creation time, used for every
// read and write while it exists.
//  * refresh(): QuickFIX calls it first thing in nextLogon when RefreshOnLogon=Y (forced on client
//    sessions by gateway_settings). While the session is not logged on it opens a logon attempt
//    and drops a shadow left over from an earlier attempt (a Logon that QuickFIX itself ended
//    before fromAdmin: outside the logon time, bad SendingTime, ...).
//  * reset() while the session is logged on (ResetOnLogout, an operator's reset) goes straight to
//    the inner store. While it is not logged on the reset is DEFERRED: a fresh shadow (1, 1, no
//    messages, created now) replaces the view; the inner store is untouched.
//  * commitLogon() (the application accepted the Logon in fromAdmin): a deferred reset is applied
//    to the inner store together with whatever was written to the shadow; from now on the session
//    is logged on and everything goes straight through.
//  * rollbackLogon() (the application refuses the Logon and is about to throw RejectLogon): any
//    deferred reset is dropped, and a throw-away shadow, a copy of the current numbers, receives
//    the writes of the Logout that QuickFIX sends next (its set and the sender increment), so the
//    inner store ends exactly as it was before the attempt, with or without 141=Y. The throw-away
//    shadow is dropped when the next attempt begins (refresh) or replaced by a later reset.
//  * loggedOut() (Application::onLogout): later resets are deferred again. A reset that comes
//    between attempts (ResetOnDisconnect, QuickFIX's end-of-session-time reset) becomes a shadow
//    that survives the next refresh and is applied when the next Logon is accepted; a refused
//    Logon drops it (QuickFIX's session-time reset is simply made again on the next connection).
// Reads of the committed numbers for monitoring go through storedNumbers(), never the shadow.
//
// Threads: QuickFIX calls the store under the session state's mutex, the application calls
// commit/rollback/loggedOut from the session's own callbacks, and monitoring may call
// storedNumbers() from any thread: one internal mutex (a leaf lock) serialises all of them.

#include <quickfix/MessageStore.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gateway {
namespace fix {

struct StoredNumbers {
  int nextSender = 0;
  int nextTarget = 0;
};

class LogonGuardedStore : public FIX::MessageStore {
 public:
  // Takes ownership of `inner` (deletes it).
  explicit LogonGuardedStore(FIX::MessageStore* inner);
  // Takes `inner`, made by `innerFactory`, and gives it back to innerFactory.destroy() at the end.
  LogonGuardedStore(FIX::MessageStore* inner, FIX::MessageStoreFactory& innerFactory);
  ~LogonGuardedStore() override;

  LogonGuardedStore(const LogonGuardedStore&) = delete;
  LogonGuardedStore& operator=(const LogonGuardedStore&) = delete;

  // ---- FIX::MessageStore ----
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

  // ---- The application's side ----
  void commitLogon();
  void rollbackLogon();
  void loggedOut();

  // The inner store's numbers: what the session keeps, whatever attempt is under way.
  StoredNumbers storedNumbers() const;
  // True while a deferred reset waits for the application's decision (for tests and logs).
  bool hasDeferredReset() const;

 private:
  struct Shadow {
    int nextSender = 1;
    int nextTarget = 1;
    std::map<int, std::string> messages;
    FIX::UtcTimeStamp creationTime;
    bool deferredReset = false;       // made by reset(), to apply on commit
    bool keepAcrossAttempts = false;  // made between attempts: survives the next refresh()
  };

  std::unique_ptr<FIX::MessageStore> inner_;
  FIX::MessageStoreFactory* innerFactory_ = nullptr;  // null: inner_ is deleted
  std::unique_ptr<Shadow> shadow_;
  bool loggedOn_ = false;
  bool attemptOpen_ = false;
  mutable std::mutex mutex_;
};

}  // namespace fix
}  // namespace gateway
