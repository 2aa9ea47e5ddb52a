// StoreWriter::commit(): journal, audit chain and chain_head in one transaction; failures leave
// nothing behind and a retry writes the same chain; readers are not blocked (WAL).

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/hash_chain.h"
#include "store/journal_reader.h"
#include "store/store_writer.h"
#include "store/verify.h"
#include "tests/store/store_test_support.h"

namespace store {
namespace {

using testing::auditRecord;
using testing::journalRecord;
using testing::RawDb;
using testing::TempFolder;

Batch sampleBatch(std::int64_t firstJournalSeq) {
  Batch batch;
  batch.journal.push_back(journalRecord(firstJournalSeq, "client_new_order"));
  batch.journal.push_back(journalRecord(firstJournalSeq + 1, "market_data"));
  batch.audit.push_back(auditRecord(5'000, "order_accepted", "ACC-ALPHA", "", "CLIENT1",
                                    R"({"quantity":"5","price":"5012.25"})", "ORD-1", "8=FIX.4.4\x01" "35=D\x01"));
  batch.audit.push_back(auditRecord(5'001, "state_changed", "ACC-ALPHA", "", "risk-core", R"({"state":"WARNING"})"));
  return batch;
}

class StoreWriterTest : public ::testing::Test {
 protected:
  TempFolder folder_;
  const std::string path_ = folder_.file("gateway.db");
};

TEST_F(StoreWriterTest, CommitWritesJournalAuditChainAndHead) {
  const auto writer = testing::openWriter(path_);
  const Batch batch = sampleBatch(1);
  ASSERT_EQ(writer->commit(batch), std::nullopt);
  EXPECT_EQ(writer->lastJournalSeq(), 2);
  EXPECT_EQ(writer->lastAuditSeq(), 2);

  RawDb db(path_);
  EXPECT_EQ(db.text("SELECT group_concat(seq || ':' || time_ns || ':' || kind || ':' || payload, '|') FROM journal"),
            R"(1:1001:client_new_order:{"n":1}|2:1002:market_data:{"n":2})");
  EXPECT_EQ(db.text("SELECT group_concat(seq || ':' || kind || ':' || order_id || ':' || actor, '|') FROM audit_log"),
            "1:order_accepted:ORD-1:CLIENT1|2:state_changed::risk-core");
  EXPECT_EQ(db.text("SELECT fix_message FROM audit_log WHERE seq = 1"), "8=FIX.4.4\x01" "35=D\x01");

  // The chain, recomputed here: record 1 follows the all-zero hash, record 2 follows record 1.
  const std::string hash1 = auditRecordHash(1, batch.audit[0], kGenesisHash);
  const std::string hash2 = auditRecordHash(2, batch.audit[1], hash1);
  EXPECT_EQ(hash1.size(), 64u);
  EXPECT_EQ(db.text("SELECT prev_hash FROM audit_log WHERE seq = 1"), std::string(64, '0'));
  EXPECT_EQ(db.text("SELECT hash FROM audit_log WHERE seq = 1"), hash1);
  EXPECT_EQ(db.text("SELECT prev_hash FROM audit_log WHERE seq = 2"), hash1);
  EXPECT_EQ(db.text("SELECT hash FROM audit_log WHERE seq = 2"), hash2);
  EXPECT_EQ(db.text("SELECT seq || ' ' || hash FROM chain_head"), "2 " + hash2);

  const VerifyResult verified = verifyStore(path_);
  EXPECT_TRUE(verified.ok()) << verified.error;
  EXPECT_EQ(verified.records, 2);
}

TEST_F(StoreWriterTest, TheHashCoversEveryFieldUnambiguously) {
  const AuditRecord base = auditRecord(1, "k", "A", "C", "X", "{}", "O", "F");
  const std::string hash = auditRecordHash(3, base, kGenesisHash);
  // Moving a character from one field to the next changes the hash (fields are length-prefixed).
  AuditRecord shifted = base;
  shifted.account = "AC";
  shifted.callId = "";
  EXPECT_NE(auditRecordHash(3, shifted, kGenesisHash), hash);
  EXPECT_NE(auditRecordHash(4, base, kGenesisHash), hash);
  EXPECT_NE(auditRecordHash(3, base, std::string(63, '0') + "1"), hash);
  AuditRecord other = base;
  other.fixMessage = "G";
  EXPECT_NE(auditRecordHash(3, other, kGenesisHash), hash);
  EXPECT_EQ(auditRecordHash(3, base, kGenesisHash), hash);  // deterministic
}

TEST_F(StoreWriterTest, TheChainContinuesAcrossCommitsAndReopening) {
  testing::writeBatch(path_, sampleBatch(1));
  StoreOptions options;
  options.fsyncEveryCommit = true;
  const auto writer = testing::openWriter(path_, options);
  ASSERT_EQ(writer->commit(sampleBatch(3)), std::nullopt);
  EXPECT_EQ(writer->lastJournalSeq(), 4);
  EXPECT_EQ(writer->lastAuditSeq(), 4);
  const VerifyResult verified = verifyStore(path_);
  EXPECT_TRUE(verified.ok()) << verified.error << (verified.problems.empty() ? "" : verified.problems[0].problem);
  EXPECT_EQ(verified.records, 4);
}

TEST_F(StoreWriterTest, ANonIncreasingJournalSeqFailsAndWritesNothing) {
  const auto writer = testing::openWriter(path_);
  ASSERT_EQ(writer->commit(sampleBatch(1)), std::nullopt);  // journal 1, 2

  Batch repeated = sampleBatch(2);  // journal 2, 3: 2 is not after 2
  EXPECT_EQ(writer->commit(repeated), path_ + ": journal seq 2 is not after 2");
  Batch backwards;
  backwards.journal = {journalRecord(5), journalRecord(4)};
  EXPECT_EQ(writer->commit(backwards), path_ + ": journal seq 4 is not after 5");

  EXPECT_EQ(writer->lastJournalSeq(), 2);
  EXPECT_EQ(writer->lastAuditSeq(), 2);
  RawDb db(path_);
  EXPECT_EQ(db.number("SELECT count(*) FROM journal"), 2);
  EXPECT_EQ(db.number("SELECT count(*) FROM audit_log"), 2);
}

TEST_F(StoreWriterTest, ALockedDatabaseFailsTheCommitWithNothingWrittenAndARetrySucceeds) {
  StoreOptions options;
  options.busyTimeoutMillis = 1;
  const auto writer = testing::openWriter(path_, options);
  ASSERT_EQ(writer->commit(sampleBatch(1)), std::nullopt);

  const Batch batch = sampleBatch(3);
  {
    RawDb other(path_);
    other.exec("BEGIN EXCLUSIVE");
    EXPECT_EQ(writer->commit(batch), path_ + ": database is locked");
    EXPECT_EQ(writer->commit(batch), path_ + ": database is locked");
    EXPECT_EQ(writer->lastJournalSeq(), 2);
    EXPECT_EQ(writer->lastAuditSeq(), 2);
    other.exec("ROLLBACK");
  }
  {
    RawDb db(path_);
    EXPECT_EQ(db.number("SELECT count(*) FROM journal"), 2);
    EXPECT_EQ(db.number("SELECT count(*) FROM audit_log"), 2);
  }
  ASSERT_EQ(writer->commit(batch), std::nullopt);
  EXPECT_EQ(writer->lastJournalSeq(), 4);
  EXPECT_EQ(writer->lastAuditSeq(), 4);
  const VerifyResult verified = verifyStore(path_);
  EXPECT_TRUE(verified.ok()) << verified.error << (verified.problems.empty() ? "" : verified.problems[0].problem);
  EXPECT_EQ(verified.records, 4);
}

TEST_F(StoreWriterTest, AFailureInsideTheTransactionRollsBackEverythingOfTheBatch) {
  const auto writer = testing::openWriter(path_);
  // Someone else's journal row 2 makes the insert of the batch's second journal row fail after the
  // first one and before the audit rows.
  {
    RawDb db(path_);
    db.exec("INSERT INTO journal (seq, time_ns, kind, payload) VALUES (2, 0, 'x', '{}')");
  }
  const Batch batch = sampleBatch(1);
  const std::optional<std::string> failed = writer->commit(batch);
  ASSERT_TRUE(failed);
  EXPECT_EQ(*failed, path_ + ": UNIQUE constraint failed: journal.seq");
  RawDb db(path_);
  EXPECT_EQ(db.number("SELECT count(*) FROM journal"), 1);
  EXPECT_EQ(db.number("SELECT count(*) FROM audit_log"), 0);
  EXPECT_EQ(db.number("SELECT seq FROM chain_head"), 0);
  EXPECT_EQ(writer->lastAuditSeq(), 0);
  db.exec("DELETE FROM journal");
  ASSERT_EQ(writer->commit(batch), std::nullopt);
  EXPECT_TRUE(verifyStore(path_).ok());
}

TEST_F(StoreWriterTest, ReadersWorkWhileAnotherConnectionHoldsAnOpenWriteTransaction) {
  const auto writer = testing::openWriter(path_);
  ASSERT_EQ(writer->commit(sampleBatch(1)), std::nullopt);

  RawDb other(path_);
  other.exec("BEGIN IMMEDIATE");
  other.exec("INSERT INTO journal (seq, time_ns, kind, payload) VALUES (3, 0, 'uncommitted', '{}')");
  // Both readers see the committed snapshot and neither waits for the writer.
  std::vector<std::int64_t> seen;
  EXPECT_EQ(readJournal(path_, 0, [&](const JournalRecord& r) { seen.push_back(r.seq); return true; }), std::nullopt);
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2}));
  const VerifyResult verified = verifyStore(path_);
  EXPECT_TRUE(verified.ok()) << verified.error;
  EXPECT_EQ(verified.records, 2);
  other.exec("ROLLBACK");
}

TEST_F(StoreWriterTest, CommitsSucceedWhileAReadOnlyReaderHoldsASnapshot) {
  StoreOptions options;
  options.checkpointMillis = 1;  // the checkpointer runs often and must not disturb either side
  const auto writer = testing::openWriter(path_, options);
  ASSERT_EQ(writer->commit(sampleBatch(1)), std::nullopt);

  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open_v2(("file:" + path_ + "?mode=ro").c_str(), &reader, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                            nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM audit_log;", nullptr, nullptr, nullptr), SQLITE_OK);
  for (std::int64_t seq = 3; seq < 13; seq += 2) ASSERT_EQ(writer->commit(sampleBatch(seq)), std::nullopt);
  // The reader still sees its snapshot (2 records) until it ends its transaction.
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(reader, "SELECT count(*) FROM audit_log", -1, &count, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(count, 0), 2);
  sqlite3_finalize(count);
  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
  const VerifyResult verified = verifyStore(path_);
  EXPECT_TRUE(verified.ok()) << verified.error;
  EXPECT_EQ(verified.records, 12);
}

TEST_F(StoreWriterTest, TheBackgroundCheckpointerCopiesTheWalIntoTheDatabaseWhileTheWriterIsOpen) {
  StoreOptions options;
  options.checkpointMillis = 10;
  auto writer = testing::openWriter(path_, options);
  const auto databaseBytes = [&] { return std::filesystem::file_size(path_); };
  const auto before = databaseBytes();  // everything so far is in the WAL: the file has its first page only
  for (int i = 1; i <= 200; ++i) testing::commitOrThrow(*writer, testing::orderBatch(i, 200));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (databaseBytes() <= before + 100 * 1024 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // 200 batches of about 600 bytes: well over 100 KiB of pages copied out of the WAL.
  EXPECT_GT(databaseBytes(), before + 100 * 1024);
}

TEST_F(StoreWriterTest, OpenNamesTheFileWhenItCannotBeCreated) {
  const std::string blocker = folder_.file("not-a-folder");
  RawDb(blocker).exec("CREATE TABLE t (x)");  // a file where the folder should be
  std::string error;
  EXPECT_FALSE(StoreWriter::open(blocker + "/gateway.db", StoreOptions{}, error));
  EXPECT_NE(error.find(blocker + "/gateway.db: "), std::string::npos) << error;
}

}  // namespace
}  // namespace store
