// The batch log on real files: what is appended reads back whole and in order, across many laps of
// a small ring; space comes back only when released; a reopened log finds exactly the records not
// yet released (after a process killed with _exit too), never bytes of an earlier lap; damage and
// foreign files are refused, naming the file.

#include "store/batch_log.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "store/batch_codec.h"
#include "tests/store/store_test_support.h"

namespace store {
namespace {

using testing::TempFolder;

constexpr std::size_t kSmall = 4096;

std::unique_ptr<BatchLog> openLog(const std::string& path, std::size_t capacity = kSmall) {
  std::string error;
  auto log = BatchLog::open(path, capacity, error);
  if (!log) throw std::runtime_error(error);
  return log;
}

std::vector<Batch> readAll(BatchLog& log, bool release = true) {
  std::vector<Batch> batches;
  Batch batch;
  BatchLog::Read read;
  while (log.readNext(batch, read)) {
    batches.push_back(batch);
    batch.clear();
    if (release) log.release(read.end);
  }
  return batches;
}

void expectSame(const Batch& a, const Batch& b) {
  ASSERT_EQ(a.journal.size(), b.journal.size());
  ASSERT_EQ(a.audit.size(), b.audit.size());
  for (std::size_t i = 0; i < a.journal.size(); ++i) {
    EXPECT_EQ(a.journal[i].seq, b.journal[i].seq);
    EXPECT_EQ(a.journal[i].timeNs, b.journal[i].timeNs);
    EXPECT_EQ(a.journal[i].kind, b.journal[i].kind);
    EXPECT_EQ(a.journal[i].payload, b.journal[i].payload);
  }
  for (std::size_t i = 0; i < a.audit.size(); ++i) {
    const AuditRecord& x = a.audit[i];
    const AuditRecord& y = b.audit[i];
    EXPECT_EQ(x.timeNs, y.timeNs);
    EXPECT_EQ(std::tie(x.kind, x.account, x.callId, x.orderId, x.actor, x.detail, x.fixMessage),
              std::tie(y.kind, y.account, y.callId, y.orderId, y.actor, y.detail, y.fixMessage));
  }
}

TEST(BatchCodecTest, RoundTripsEveryFieldAndRefusesCutBytes) {
  Batch batch = testing::orderBatch(7, 300);
  batch.journal.push_back(JournalRecord{8, -5, "", ""});
  batch.audit.push_back(AuditRecord{});
  std::vector<unsigned char> bytes(encodedBatchSize(batch));
  encodeBatch(batch, bytes.data());

  Batch decoded;
  decoded.journal.push_back(testing::journalRecord(1));  // decoding appends
  std::size_t journal = 0;
  std::size_t audit = 0;
  ASSERT_TRUE(decodeBatch(bytes, decoded, journal, audit));
  EXPECT_EQ(journal, 2u);
  EXPECT_EQ(audit, 2u);
  decoded.journal.erase(decoded.journal.begin());
  expectSame(decoded, batch);

  for (std::size_t cut : {std::size_t{0}, std::size_t{15}, bytes.size() / 2, bytes.size() - 1}) {
    Batch partial;
    EXPECT_FALSE(decodeBatch({bytes.data(), cut}, partial, journal, audit)) << cut;
    EXPECT_TRUE(partial.empty()) << cut;
  }
  bytes.push_back(0);
  Batch longer;
  EXPECT_FALSE(decodeBatch(bytes, longer, journal, audit));
}

TEST(BatchCodecTest, ChecksumSeesOneChangedByte) {
  std::vector<unsigned char> bytes(101, 'a');
  const std::uint64_t before = batchChecksum(bytes);
  for (std::size_t i : {std::size_t{0}, std::size_t{63}, std::size_t{100}}) {
    bytes[i] = 'b';
    EXPECT_NE(batchChecksum(bytes), before) << i;
    bytes[i] = 'a';
  }
  EXPECT_EQ(batchChecksum(bytes), before);
}

TEST(BatchLogTest, ReadsBackWhatWasAppendedInOrder) {
  TempFolder folder;
  auto log = openLog(folder.file("log"));
  EXPECT_TRUE(log->empty());
  for (int i = 1; i <= 3; ++i) ASSERT_EQ(log->append(testing::orderBatch(i), 10 * i), BatchLog::Append::kDone);
  EXPECT_FALSE(log->empty());

  Batch batch;
  BatchLog::Read read;
  for (int i = 1; i <= 3; ++i) {
    ASSERT_TRUE(log->readNext(batch, read));
    EXPECT_EQ(read.firstAuditSeq, 10 * i);
    EXPECT_EQ(read.journalRecords, 1u);
    EXPECT_EQ(read.auditRecords, 1u);
    expectSame(batch, testing::orderBatch(i));
    batch.clear();
  }
  EXPECT_FALSE(log->readNext(batch, read));
  EXPECT_FALSE(log->empty());  // read but not released
  log->release(read.end);
  EXPECT_TRUE(log->empty());
}

TEST(BatchLogTest, RefusesWhenFullUntilSpaceIsReleasedAndKeepsOrderAcrossManyLaps) {
  TempFolder folder;
  auto log = openLog(folder.file("log"));
  int appended = 0;
  while (log->append(testing::orderBatch(appended + 1, 200), 0) == BatchLog::Append::kDone) ++appended;
  ASSERT_GT(appended, 3);
  EXPECT_EQ(log->append(testing::orderBatch(appended + 1, 200), 0), BatchLog::Append::kFull);

  // Releasing makes room; 500 more batches of varied sizes go round the 4 KiB ring many times.
  int read = 0;
  Batch batch;
  BatchLog::Read where;
  for (int next = appended + 1; next <= appended + 500;) {
    const auto result = log->append(testing::orderBatch(next, static_cast<std::size_t>(next * 37 % 700)), next);
    if (result == BatchLog::Append::kDone) {
      ++next;
      continue;
    }
    ASSERT_EQ(result, BatchLog::Append::kFull);
    ASSERT_TRUE(log->readNext(batch, where));
    ASSERT_EQ(batch.journal.at(0).seq, ++read);
    batch.clear();
    log->release(where.end);
  }
  while (log->readNext(batch, where)) {
    ASSERT_EQ(batch.journal.at(0).seq, ++read);
    batch.clear();
    log->release(where.end);
  }
  EXPECT_EQ(read, appended + 500);
  EXPECT_TRUE(log->empty());
}

TEST(BatchLogTest, ABatchLargerThanTheLogIsRefusedAsTooLarge) {
  TempFolder folder;
  auto log = openLog(folder.file("log"));
  EXPECT_EQ(log->append(testing::orderBatch(1, kSmall), 0), BatchLog::Append::kTooLarge);
  EXPECT_TRUE(log->empty());
}

// Found under overload (batches of tens of MB in the 64 MiB log): an empty log refused a batch as
// full for ever, and the risk thread waited for space in a loop that never ended. A batch that fits
// neither after the write position nor before it is too large for the log as it stands.
TEST(BatchLogTest, ABatchThatFitsNeitherAfterNorBeforeTheWritePositionIsTooLarge) {
  TempFolder folder;
  auto log = openLog(folder.file("log"));
  ASSERT_EQ(log->append(testing::orderBatch(1, 1500), 0), BatchLog::Append::kDone);
  ASSERT_EQ(readAll(*log).size(), 1u);
  ASSERT_TRUE(log->empty());  // written up to about 1.7 KiB of the 4 KiB ring, all released
  EXPECT_EQ(log->append(testing::orderBatch(2, 2700), 0), BatchLog::Append::kTooLarge);
  // One that fits after the write position is taken, and so is one that fits before it.
  ASSERT_EQ(log->append(testing::orderBatch(2, 1500), 0), BatchLog::Append::kDone);
  ASSERT_EQ(readAll(*log).size(), 1u);
  ASSERT_EQ(log->append(testing::orderBatch(3, 1500), 0), BatchLog::Append::kDone);
  const std::vector<Batch> last = readAll(*log);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].journal.at(0).seq, 3);
}

TEST(BatchLogTest, ReopenedItFindsWhatWasNotReleasedAndNothingOlder) {
  TempFolder folder;
  const std::string path = folder.file("log");
  {
    auto log = openLog(path);
    Batch batch;
    BatchLog::Read where;
    // About four laps of the ring, so bytes of earlier laps lie beyond the records that count.
    for (int i = 1; i <= 60; ++i) {
      ASSERT_EQ(log->append(testing::orderBatch(i, 150), i), BatchLog::Append::kDone);
      if (i > 57) continue;
      ASSERT_TRUE(log->readNext(batch, where));
      batch.clear();
      log->release(where.end);
    }
  }
  {
    auto log = openLog(path);
    Batch batch;
    BatchLog::Read where;
    for (int i = 58; i <= 60; ++i) {
      ASSERT_TRUE(log->readNext(batch, where)) << i;
      EXPECT_EQ(where.firstAuditSeq, i);
      expectSame(batch, testing::orderBatch(i, 150));
      batch.clear();
      log->release(where.end);
    }
    EXPECT_FALSE(log->readNext(batch, where));
    // Appending goes on after them.
    ASSERT_EQ(log->append(testing::orderBatch(61, 150), 61), BatchLog::Append::kDone);
  }
  auto log = openLog(path);
  const auto left = readAll(*log);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].journal.at(0).seq, 61);
}

TEST(BatchLogTest, WhatAKilledProcessAppendedIsThereAfterwards) {
  TempFolder folder;
  const std::string path = folder.file("log");
  std::fflush(nullptr);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::string error;
    auto log = BatchLog::open(path, kSmall, error);
    for (int i = 1; i <= 3 && log; ++i) log->append(testing::orderBatch(i), i);
    ::_exit(log ? 0 : 1);  // no destructor runs: the mapping is simply dropped
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;

  auto log = openLog(path);
  const auto found = readAll(*log);
  ASSERT_EQ(found.size(), 3u);
  for (int i = 0; i < 3; ++i) expectSame(found[i], testing::orderBatch(i + 1));
}

TEST(BatchLogTest, ADamagedRecordIsRefusedNamingTheFileAndPosition) {
  TempFolder folder;
  const std::string path = folder.file("log");
  {
    auto log = openLog(path);
    ASSERT_EQ(log->append(testing::orderBatch(1, 100), 1), BatchLog::Append::kDone);
  }
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(4096 + 32 + 60);  // inside the first record's encoded batch
    file.put('#');
  }
  std::string error;
  EXPECT_FALSE(BatchLog::open(path, kSmall, error));
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_NE(error.find("damaged: the record at position 0"), std::string::npos) << error;
}

TEST(BatchLogTest, AFileThatIsNotABatchLogIsRefused) {
  TempFolder folder;
  const std::string path = folder.file("log");
  std::ofstream(path) << std::string(8192, 'z');
  std::string error;
  EXPECT_FALSE(BatchLog::open(path, kSmall, error));
  EXPECT_NE(error.find(path + ": not a batch log"), std::string::npos) << error;

  std::ofstream(path, std::ios::trunc) << "short";
  EXPECT_FALSE(BatchLog::open(path, kSmall, error));
  EXPECT_NE(error.find("too short"), std::string::npos) << error;
}

TEST(BatchLogTest, OneProcessAtATimeAndACreationCutShortIsMadeAgain) {
  TempFolder folder;
  const std::string path = folder.file("log");
  {
    auto first = openLog(path);
    std::string error;
    EXPECT_FALSE(BatchLog::open(path, kSmall, error));
    EXPECT_NE(error.find(path + ": in use by another process"), std::string::npos) << error;
  }
  EXPECT_TRUE(openLog(path));  // the first one closed: free again

  // Sized but never given its header (killed between the two): taken as new, not refused.
  std::ofstream(path, std::ios::trunc) << std::string(kSmall + 4096, '\0');
  auto log = openLog(path);
  EXPECT_TRUE(log->empty());
  EXPECT_EQ(log->append(testing::orderBatch(1), 1), BatchLog::Append::kDone);
}

TEST(BatchLogTest, CapacityMustBeWholeAndAnEmptyLogTakesANewOne) {
  TempFolder folder;
  const std::string path = folder.file("log");
  std::string error;
  EXPECT_FALSE(BatchLog::open(path, 4000, error));
  EXPECT_NE(error.find("multiple of 32"), std::string::npos) << error;
  EXPECT_FALSE(BatchLog::open(path, 1024, error));

  openLog(path, kSmall);
  EXPECT_EQ(openLog(path, 2 * kSmall)->capacity(), 2 * kSmall);  // empty: re-made at the new size
  {
    auto log = openLog(path, 2 * kSmall);
    ASSERT_EQ(log->append(testing::orderBatch(1), 1), BatchLog::Append::kDone);
  }
  auto kept = openLog(path, kSmall);  // holds a record: keeps its size until it is empty
  EXPECT_EQ(kept->capacity(), 2 * kSmall);
  EXPECT_EQ(readAll(*kept).size(), 1u);
}

}  // namespace
}  // namespace store
