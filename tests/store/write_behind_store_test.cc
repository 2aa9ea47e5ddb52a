// The store written behind, on real SQLite files and real batch logs: batches recorded in the log
// reach the database in order and exactly once, by its thread, at a flush, at destruction, and at
// the next opening after a process was killed; a log that is full or a batch too large for it still
// loses nothing; while SQLite fails nothing new is taken and the error is reported, and once it
// works again everything is there and the hash chain verifies.

#include "store/write_behind_store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "tests/store/store_test_support.h"

namespace store {
namespace {

using testing::RawDb;
using testing::TempFolder;

constexpr std::size_t kSmallLog = 4096;

class WriteBehindStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<WriteBehindStore> openBehind(StoreWriter& writer, std::size_t capacity = BatchLog::kDefaultCapacity) {
    std::string error;
    auto behind = WriteBehindStore::open(writer, logPath_, capacity, error);
    if (!behind) throw std::runtime_error(error);
    return behind;
  }
  std::int64_t count(const std::string& table) { return RawDb(dbPath_).number("SELECT count(*) FROM " + table); }
  // The journal seqs in the database, in order, as "1,2,3".
  std::string journalSeqs() {
    return RawDb(dbPath_).text("SELECT coalesce(group_concat(seq, ','), '') FROM (SELECT seq FROM journal ORDER BY seq)");
  }
  std::string expectedSeqs(int last) {
    std::string text;
    for (int i = 1; i <= last; ++i) text += (i == 1 ? "" : ",") + std::to_string(i);
    return text;
  }

  TempFolder folder_;
  const std::string dbPath_ = folder_.file("gateway.db");
  const std::string logPath_ = folder_.file("gateway.db-batches");
};

TEST_F(WriteBehindStoreTest, FlushPutsEverythingRecordedInTheDatabaseInOrder) {
  auto writer = testing::openWriter(dbPath_);
  auto behind = openBehind(*writer);
  for (int i = 1; i <= 100; ++i) ASSERT_EQ(behind->commit(testing::orderBatch(i)), std::nullopt);
  ASSERT_EQ(behind->flush(), std::nullopt);
  EXPECT_EQ(journalSeqs(), expectedSeqs(100));
  EXPECT_EQ(count("audit_log"), 100);
  EXPECT_TRUE(testing::verifyProblems(dbPath_).empty());
}

TEST_F(WriteBehindStoreTest, ItsThreadCommitsWithoutBeingAsked) {
  auto writer = testing::openWriter(dbPath_);
  auto behind = openBehind(*writer);
  ASSERT_EQ(behind->commit(testing::orderBatch(1)), std::nullopt);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (count("journal") == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(count("journal"), 1);
}

TEST_F(WriteBehindStoreTest, DestroyingItCommitsWhatIsLeft) {
  {
    auto writer = testing::openWriter(dbPath_);
    auto behind = openBehind(*writer);
    for (int i = 1; i <= 50; ++i) ASSERT_EQ(behind->commit(testing::orderBatch(i)), std::nullopt);
  }
  EXPECT_EQ(journalSeqs(), expectedSeqs(50));
  auto writer = testing::openWriter(dbPath_);
  EXPECT_EQ(openBehind(*writer)->recoveredBatches(), 0u);
}

TEST_F(WriteBehindStoreTest, AFullLogAndABatchTooLargeForItLoseNothing) {
  auto writer = testing::openWriter(dbPath_);
  auto behind = openBehind(*writer, kSmallLog);
  for (int i = 1; i <= 300; ++i) {
    const std::size_t detail = i % 50 == 0 ? 3 * kSmallLog : 400;  // every 50th is larger than the log
    ASSERT_EQ(behind->commit(testing::orderBatch(i, detail)), std::nullopt) << i;
  }
  ASSERT_EQ(behind->flush(), std::nullopt);
  EXPECT_EQ(journalSeqs(), expectedSeqs(300));
  EXPECT_EQ(count("audit_log"), 300);
  EXPECT_TRUE(testing::verifyProblems(dbPath_).empty());
}

// A batch that fits the empty log only across the ring's end is committed directly (it once made
// commit() wait for space for ever).
TEST_F(WriteBehindStoreTest, ABatchThatFitsOnlyAcrossTheRingsEndIsCommittedDirectly) {
  auto writer = testing::openWriter(dbPath_);
  auto behind = openBehind(*writer, kSmallLog);
  ASSERT_EQ(behind->commit(testing::orderBatch(1, 1500)), std::nullopt);
  ASSERT_EQ(behind->flush(), std::nullopt);
  ASSERT_EQ(behind->commit(testing::orderBatch(2, 2700)), std::nullopt);
  ASSERT_EQ(behind->commit(testing::orderBatch(3, 400)), std::nullopt);
  ASSERT_EQ(behind->flush(), std::nullopt);
  EXPECT_EQ(journalSeqs(), expectedSeqs(3));
  EXPECT_TRUE(testing::verifyProblems(dbPath_).empty());
}

TEST_F(WriteBehindStoreTest, WhatAKilledProcessRecordedIsCommittedAtTheNextOpeningExactlyOnce) {
  std::fflush(nullptr);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Recorded as fast as it can, then killed: some batches are committed by the thread, the rest
    // only recorded, and the last transaction may be committed but not yet released.
    std::string error;
    auto writer = StoreWriter::open(dbPath_, {}, error);
    auto behind = writer ? WriteBehindStore::open(*writer, logPath_, BatchLog::kDefaultCapacity, error) : nullptr;
    for (int i = 1; i <= 2000 && behind; ++i) behind->commit(testing::orderBatch(i));
    ::_exit(behind ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;

  auto writer = testing::openWriter(dbPath_);
  auto behind = openBehind(*writer);
  EXPECT_EQ(journalSeqs(), expectedSeqs(2000));
  EXPECT_EQ(count("audit_log"), 2000);
  EXPECT_TRUE(testing::verifyProblems(dbPath_).empty());
  // And it goes on from there.
  ASSERT_EQ(behind->commit(testing::orderBatch(2001)), std::nullopt);
  ASSERT_EQ(behind->flush(), std::nullopt);
  EXPECT_EQ(count("audit_log"), 2001);
  EXPECT_TRUE(testing::verifyProblems(dbPath_).empty());
}

TEST_F(WriteBehindStoreTest, BatchesTheDatabaseHasAlreadyAreSkippedAndTheRestCommitted) {
  {
    // As if killed between a commit and the release of its batches: 1-3 are in both, 4 only in the log.
    auto writer = testing::openWriter(dbPath_);
    std::string error;
    auto log = BatchLog::open(logPath_, kSmallLog, error);
    ASSERT_TRUE(log) << error;
    for (int i = 1; i <= 4; ++i) ASSERT_EQ(log->append(testing::orderBatch(i), i), BatchLog::Append::kDone);
    for (int i = 1; i <= 3; ++i) testing::commitOrThrow(*writer, testing::orderBatch(i));
  }
  auto writer = testing::openWriter(dbPath_);
  auto behind = openBehind(*writer, kSmallLog);
  EXPECT_EQ(behind->recoveredBatches(), 1u);
  EXPECT_EQ(journalSeqs(), expectedSeqs(4));
  EXPECT_EQ(count("audit_log"), 4);
  EXPECT_TRUE(testing::verifyProblems(dbPath_).empty());
}

TEST_F(WriteBehindStoreTest, ALogThatDoesNotFollowTheDatabaseIsRefused) {
  {
    std::string error;
    auto log = BatchLog::open(logPath_, kSmallLog, error);
    ASSERT_TRUE(log) << error;
    ASSERT_EQ(log->append(testing::orderBatch(5), 5), BatchLog::Append::kDone);  // the database has nothing
  }
  auto writer = testing::openWriter(dbPath_);
  std::string error;
  EXPECT_FALSE(WriteBehindStore::open(*writer, logPath_, kSmallLog, error));
  EXPECT_NE(error.find(logPath_ + ": it holds records that do not follow the database's (journal 0, audit 0)"),
            std::string::npos)
      << error;
  EXPECT_EQ(count("journal"), 0);
}

TEST_F(WriteBehindStoreTest, WhileSqliteFailsNothingNewIsTakenAndAfterwardsEverythingIsThere) {
  StoreOptions options;
  options.busyTimeoutMillis = 20;
  auto writer = testing::openWriter(dbPath_, options);
  auto behind = openBehind(*writer);
  ASSERT_EQ(behind->commit(testing::orderBatch(1)), std::nullopt);
  ASSERT_EQ(behind->flush(), std::nullopt);

  RawDb blocker(dbPath_);
  blocker.exec("BEGIN IMMEDIATE");  // holds the write lock: the thread's commits fail as busy
  ASSERT_EQ(behind->commit(testing::orderBatch(2)), std::nullopt);  // recorded; not yet tried
  const auto failed = behind->flush();
  ASSERT_TRUE(failed.has_value());
  EXPECT_NE(failed->find("locked"), std::string::npos) << *failed;
  EXPECT_EQ(behind->commit(testing::orderBatch(3)), failed);  // taken only once the store works again

  blocker.exec("ROLLBACK");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::optional<std::string> taken = failed;
  while (taken && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    taken = behind->commit(testing::orderBatch(3));
  }
  ASSERT_EQ(taken, std::nullopt);
  ASSERT_EQ(behind->flush(), std::nullopt);
  EXPECT_EQ(journalSeqs(), expectedSeqs(3));
  EXPECT_EQ(count("audit_log"), 3);
  EXPECT_TRUE(testing::verifyProblems(dbPath_).empty());
}

}  // namespace
}  // namespace store
