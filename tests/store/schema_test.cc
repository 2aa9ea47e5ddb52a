// The schema's migrations: a new file gets every table at version 1, reopening keeps the data, and a
// file from a newer program is refused.

#include <gtest/gtest.h>

#include "store/store_writer.h"
#include "tests/store/store_test_support.h"

namespace store {
namespace {

using testing::RawDb;
using testing::TempFolder;

TEST(SchemaTest, MigrationsCreateTheSchemaAndRecordVersionOne) {
  TempFolder folder;
  const std::string path = folder.file("data/gateway.db");  // the folder is created too
  const auto writer = testing::openWriter(path);

  RawDb db(path);
  EXPECT_EQ(db.text("SELECT group_concat(version || ':' || (applied_ns > 0), ',') FROM schema_migrations"), "1:1");
  for (const char* table : {"journal", "audit_log", "chain_head", "margin_calls", "schema_migrations"}) {
    EXPECT_EQ(db.number(std::string("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='") + table + "'"), 1)
        << table;
  }
  for (const char* index : {"audit_log_call_id", "audit_log_account_time"}) {
    EXPECT_EQ(db.number(std::string("SELECT count(*) FROM sqlite_master WHERE type='index' AND name='") + index + "'"), 1)
        << index;
  }
  EXPECT_EQ(db.text("PRAGMA journal_mode"), "wal");
  // An empty chain: chain_head at seq 0 with the all-zero start hash.
  EXPECT_EQ(db.text("SELECT seq || ' ' || hash FROM chain_head"), "0 " + std::string(64, '0'));
  EXPECT_EQ(writer->lastJournalSeq(), 0);
  EXPECT_EQ(writer->lastAuditSeq(), 0);
}

TEST(SchemaTest, ReopeningKeepsTheDataAndDoesNotMigrateAgain) {
  TempFolder folder;
  const std::string path = folder.file("gateway.db");
  Batch batch;
  batch.journal.push_back(testing::journalRecord(7));
  batch.audit.push_back(testing::auditRecord(100, "order_accepted"));
  batch.audit.push_back(testing::auditRecord(101, "fill"));
  testing::writeBatch(path, batch);
  const auto writer = testing::openWriter(path);
  EXPECT_EQ(writer->lastJournalSeq(), 7);
  EXPECT_EQ(writer->lastAuditSeq(), 2);
  RawDb db(path);
  EXPECT_EQ(db.number("SELECT count(*) FROM schema_migrations"), 1);
  EXPECT_EQ(db.number("SELECT count(*) FROM audit_log"), 2);
}

TEST(SchemaTest, ANewerSchemaVersionIsRefused) {
  TempFolder folder;
  const std::string path = folder.file("gateway.db");
  testing::openWriter(path);
  {
    RawDb db(path);
    db.exec("INSERT INTO schema_migrations (version, description, applied_ns) VALUES (2, 'from the future', 1)");
  }
  std::string error;
  EXPECT_FALSE(StoreWriter::open(path, StoreOptions{}, error));
  EXPECT_EQ(error, path + ": schema version 2 is newer than this program knows (1)");
}

}  // namespace
}  // namespace store
