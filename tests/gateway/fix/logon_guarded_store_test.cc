// The logon-guarded store against a MemoryStore, driven by the calls QuickFIX 1.15.1 makes:
// nextLogon refreshes (RefreshOnLogon=Y), resets on 141=Y before fromAdmin, the application
// commits or rolls back in fromAdmin, and a refused Logon is followed by a Logout (set + incr).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gateway/fix/logon_guarded_store.h"

namespace gateway {
namespace fix {
namespace {

class LogonGuardedStoreTest : public ::testing::Test {
 protected:
  LogonGuardedStoreTest() : store_(new FIX::MemoryStore()) {
    // A first logon, accepted, then some traffic and a logout: stored numbers 5 / 7.
    store_.refresh();
    store_.commitLogon();
    for (int seq = 1; seq <= 4; ++seq) {
      store_.set(seq, "sent-" + std::to_string(seq));
      store_.incrNextSenderMsgSeqNum();
    }
    store_.setNextTargetMsgSeqNum(7);
    store_.loggedOut();
  }

  void expectStored(int sender, int target) {
    const StoredNumbers numbers = store_.storedNumbers();
    EXPECT_EQ(numbers.nextSender, sender);
    EXPECT_EQ(numbers.nextTarget, target);
  }

  // What QuickFIX does after RejectLogon: generateLogout -> fill (read) -> persist (set + incr).
  void sendLogout() {
    const int seq = store_.getNextSenderMsgSeqNum();
    store_.set(seq, "logout");
    store_.incrNextSenderMsgSeqNum();
  }

  std::vector<std::string> stored(int begin, int end) {
    std::vector<std::string> messages;
    store_.get(begin, end, messages);
    return messages;
  }

  LogonGuardedStore store_;
};

TEST_F(LogonGuardedStoreTest, StartsFromTheSetUpNumbers) {
  expectStored(5, 7);
  EXPECT_EQ(stored(1, 4).size(), 4u);
}

TEST_F(LogonGuardedStoreTest, RefusedLogonWithResetLeavesTheStoreUntouched) {
  store_.refresh();  // nextLogon, RefreshOnLogon=Y
  store_.reset();    // 141=Y, before fromAdmin
  EXPECT_TRUE(store_.hasDeferredReset());
  EXPECT_EQ(store_.getNextSenderMsgSeqNum(), 1);  // QuickFIX sees the reset...
  EXPECT_EQ(store_.getNextTargetMsgSeqNum(), 1);
  expectStored(5, 7);  // ...the store does not have it

  store_.rollbackLogon();  // fromAdmin: wrong password
  EXPECT_FALSE(store_.hasDeferredReset());
  EXPECT_EQ(store_.getNextSenderMsgSeqNum(), 1);  // the Logout answers the peer's reset
  sendLogout();
  expectStored(5, 7);

  store_.refresh();  // the next Logon
  EXPECT_EQ(store_.getNextSenderMsgSeqNum(), 5);
  EXPECT_EQ(store_.getNextTargetMsgSeqNum(), 7);
  EXPECT_EQ(stored(1, 10), (std::vector<std::string>{"sent-1", "sent-2", "sent-3", "sent-4"}));
}

TEST_F(LogonGuardedStoreTest, RefusedLogonWithoutResetDiscardsTheLogoutWrites) {
  store_.refresh();
  store_.rollbackLogon();
  EXPECT_EQ(store_.getNextSenderMsgSeqNum(), 5);
  sendLogout();
  expectStored(5, 7);
  store_.refresh();
  EXPECT_EQ(store_.getNextSenderMsgSeqNum(), 5);
  EXPECT_TRUE(stored(5, 5).empty());
}

TEST_F(LogonGuardedStoreTest, AcceptedLogonWithResetCommitsTheResetAndItsWrites) {
  store_.refresh();
  store_.reset();
  store_.set(1, "written-before-commit");
  store_.incrNextSenderMsgSeqNum();
  store_.commitLogon();
  expectStored(2, 1);
  EXPECT_EQ(stored(1, 10), std::vector<std::string>{"written-before-commit"});

  // Logged on: everything goes straight through.
  store_.set(2, "logon-response");
  store_.incrNextSenderMsgSeqNum();
  store_.incrNextTargetMsgSeqNum();
  expectStored(3, 2);
}

TEST_F(LogonGuardedStoreTest, AcceptedLogonWithoutResetKeepsTheNumbers) {
  store_.refresh();
  store_.commitLogon();
  expectStored(5, 7);
  store_.incrNextTargetMsgSeqNum();
  expectStored(5, 8);
}

TEST_F(LogonGuardedStoreTest, ResetWhileLoggedOnGoesStraightThrough) {
  store_.refresh();
  store_.commitLogon();
  store_.reset();  // ResetOnLogout, an operator's reset
  EXPECT_FALSE(store_.hasDeferredReset());
  expectStored(1, 1);
  EXPECT_TRUE(stored(1, 10).empty());
}

TEST_F(LogonGuardedStoreTest, AResetLeftByAnAttemptQuickFixEndedIsDroppedByTheNextAttempt) {
  store_.refresh();
  store_.reset();  // 141=Y, then QuickFIX disconnects before fromAdmin (bad SendingTime)
  store_.refresh();
  EXPECT_FALSE(store_.hasDeferredReset());
  EXPECT_EQ(store_.getNextSenderMsgSeqNum(), 5);
  store_.commitLogon();
  expectStored(5, 7);
}

TEST_F(LogonGuardedStoreTest, AResetBetweenAttemptsWaitsForTheNextAcceptedLogon) {
  store_.reset();  // ResetOnDisconnect or the end of the session time, after onLogout
  expectStored(5, 7);
  store_.refresh();  // survives the start of the next attempt
  EXPECT_TRUE(store_.hasDeferredReset());
  store_.commitLogon();
  expectStored(1, 1);
}

TEST_F(LogonGuardedStoreTest, AResetBetweenAttemptsIsDroppedByARefusedLogon) {
  store_.reset();
  store_.refresh();
  store_.rollbackLogon();
  sendLogout();
  expectStored(5, 7);
  store_.refresh();
  EXPECT_FALSE(store_.hasDeferredReset());
  EXPECT_EQ(store_.getNextSenderMsgSeqNum(), 5);
}

TEST_F(LogonGuardedStoreTest, CreationTimeFollowsTheView) {
  const FIX::UtcTimeStamp before = store_.getCreationTime();
  store_.refresh();
  store_.rollbackLogon();
  EXPECT_TRUE(store_.getCreationTime() == before);
}

}  // namespace
}  // namespace fix
}  // namespace gateway
