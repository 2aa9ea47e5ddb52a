// readJournal(): every record after a seq, in order, read-only.

#include <gtest/gtest.h>

#include "store/journal_reader.h"
#include "store/store_writer.h"
#include "tests/store/store_test_support.h"

namespace store {
namespace {

using testing::journalRecord;
using testing::TempFolder;

std::vector<std::int64_t> readAfter(const std::string& path, std::int64_t afterSeq, std::size_t stopAfter = 100) {
  std::vector<std::int64_t> seen;
  const auto error = readJournal(path, afterSeq, [&](const JournalRecord& record) {
    seen.push_back(record.seq);
    return seen.size() < stopAfter;
  });
  EXPECT_EQ(error, std::nullopt);
  return seen;
}

TEST(JournalReaderTest, VisitsInSeqOrderFromAfterSeq) {
  TempFolder folder;
  const std::string path = folder.file("gateway.db");
  const auto writer = testing::openWriter(path);
  for (const std::int64_t seq : {1, 2, 5}) {
    Batch batch;
    batch.journal.push_back(journalRecord(seq, "kind-" + std::to_string(seq)));
    ASSERT_EQ(writer->commit(batch), std::nullopt);
  }
  Batch batch;
  batch.journal = {journalRecord(8), journalRecord(9)};
  ASSERT_EQ(writer->commit(batch), std::nullopt);

  EXPECT_EQ(readAfter(path, 0), (std::vector<std::int64_t>{1, 2, 5, 8, 9}));
  EXPECT_EQ(readAfter(path, 2), (std::vector<std::int64_t>{5, 8, 9}));
  EXPECT_EQ(readAfter(path, 9), (std::vector<std::int64_t>{}));
  EXPECT_EQ(readAfter(path, 0, 2), (std::vector<std::int64_t>{1, 2}));  // stops when visit says so

  std::vector<JournalRecord> records;
  ASSERT_EQ(readJournal(path, 4, [&](const JournalRecord& r) { records.push_back(r); return false; }), std::nullopt);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].seq, 5);
  EXPECT_EQ(records[0].timeNs, 1'005);
  EXPECT_EQ(records[0].kind, "kind-5");
  EXPECT_EQ(records[0].payload, R"({"n":5})");
}

TEST(JournalReaderTest, AMissingFileIsNotAnErrorAndIsNotCreated) {
  TempFolder folder;
  const std::string path = folder.file("absent.db");
  EXPECT_EQ(readAfter(path, 0), (std::vector<std::int64_t>{}));
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(JournalReaderTest, AFileThatIsNotAStoreIsAnError) {
  TempFolder folder;
  const std::string path = folder.file("other.db");
  testing::RawDb(path).exec("CREATE TABLE t (x)");
  const auto error = readJournal(path, 0, [](const JournalRecord&) { return true; });
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, path + ": no such table: journal");
}

}  // namespace
}  // namespace store
