// verifyStore(): an intact chain verifies; an edited, deleted, reordered or truncated audit trail is
// found and the record named.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "store/hash_chain.h"
#include "store/store_writer.h"
#include "store/verify.h"
#include "tests/store/store_test_support.h"

namespace store {
namespace {

using testing::auditRecord;
using testing::RawDb;
using testing::TempFolder;

// Six chained records (no margin calls) in two commits.
class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto writer = testing::openWriter(path_);
    Batch first;
    first.audit = {auditRecord(100, "order_accepted", "ACC-ALPHA", "", "CLIENT1", R"({"quantity":"5"})", "ORD-1"),
                   auditRecord(101, "fill", "ACC-ALPHA", "", "VENUE", R"({"quantity":"5","price":"5012.25"})", "ORD-1"),
                   auditRecord(102, "order_denied", "ACC-ALPHA", "", "CLIENT1", R"({"code":"INSUFFICIENT_MARGIN"})")};
    ASSERT_EQ(writer->commit(first), std::nullopt);
    Batch second;
    second.audit = {auditRecord(200, "deposit", "ACC-BETA", "", "admin", R"({"amount":"1000"})"),
                    auditRecord(201, "state_changed", "ACC-BETA", "", "risk-core", R"({"state":"NORMAL"})"),
                    auditRecord(202, "admin_halt", "", "", "admin", R"({"halted":true})")};
    ASSERT_EQ(writer->commit(second), std::nullopt);
  }

  std::vector<VerifyProblem> problems() { return testing::verifyProblems(path_); }

  TempFolder folder_;
  const std::string path_ = folder_.file("gateway.db");
};

MATCHER_P2(Problem, seq, text, "") { return arg.seq == seq && arg.problem == text; }

std::string describe(const std::vector<VerifyProblem>& problems) {
  std::string out;
  for (const VerifyProblem& p : problems) out += std::to_string(p.seq) + ": " + p.problem + "\n";
  return out;
}

TEST_F(VerifyTest, AnIntactChainVerifies) {
  const VerifyResult result = verifyStore(path_);
  EXPECT_TRUE(result.ok()) << result.error << describe(result.problems);
  EXPECT_EQ(result.records, 6);
  EXPECT_EQ(result.calls, 0);
}

TEST_F(VerifyTest, AnEditedDetailIsFoundAndNamed) {
  RawDb(path_).exec(R"(UPDATE audit_log SET detail = '{"quantity":"50"}' WHERE seq = 1)");
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0], Problem(1, "record 1 was edited: its hash does not match its contents"));
}

TEST_F(VerifyTest, AnEditedRecordWhoseHashWasRecomputedIsFoundByTheNextRecord) {
  AuditRecord forged = auditRecord(102, "order_accepted", "ACC-ALPHA", "", "CLIENT1", "{}");
  RawDb db(path_);
  const std::string prev = db.text("SELECT prev_hash FROM audit_log WHERE seq = 3");
  db.exec("UPDATE audit_log SET kind = 'order_accepted', detail = '{}', hash = '" +
          auditRecordHash(3, forged, prev) + "' WHERE seq = 3");
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0], Problem(4, "record 4 is out of order or follows a deleted record: its prev_hash does not "
                                   "match record 3's hash"));
}

TEST_F(VerifyTest, ADeletedMiddleRecordIsFound) {
  RawDb(path_).exec("DELETE FROM audit_log WHERE seq = 3");
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0], Problem(3, "record 3 is missing (deleted)"));
}

TEST_F(VerifyTest, SeveralDeletedRecordsAreNamedAsARange) {
  RawDb(path_).exec("DELETE FROM audit_log WHERE seq IN (2, 3, 4)");
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0], Problem(2, "records 2 to 4 are missing (deleted)"));
}

TEST_F(VerifyTest, ADeletedFirstRecordIsFound) {
  RawDb(path_).exec("DELETE FROM audit_log WHERE seq = 1");
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0], Problem(1, "record 1 is missing (deleted)"));
}

TEST_F(VerifyTest, DeletedLastRecordsAreFoundThroughChainHead) {
  RawDb(path_).exec("DELETE FROM audit_log WHERE seq >= 5");
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0],
              Problem(5, "the last records were deleted: chain_head names record 6 but the trail ends at record 4"));
}

TEST_F(VerifyTest, DeletedLastRecordsStayVisibleAfterTheWriterRestarts) {
  RawDb(path_).exec("DELETE FROM audit_log WHERE seq = 6");
  {
    const auto writer = testing::openWriter(path_);
    EXPECT_EQ(writer->lastAuditSeq(), 6);  // continues from chain_head, not from the trail's end
    Batch batch;
    batch.audit = {auditRecord(300, "fill")};
    ASSERT_EQ(writer->commit(batch), std::nullopt);
  }
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0], Problem(6, "record 6 is missing (deleted)"));
}

TEST_F(VerifyTest, SwappedRecordsAreFoundAsOutOfOrder) {
  RawDb(path_).exec(
      "UPDATE audit_log SET seq = -3 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4;"
      "UPDATE audit_log SET seq = 4 WHERE seq = -3;");
  const auto found = problems();
  ASSERT_EQ(found.size(), 2u) << describe(found);
  EXPECT_THAT(found[0], Problem(3, "record 3 is out of order: it holds the contents of record 4"));
  EXPECT_THAT(found[1], Problem(4, "record 4 is out of order: it holds the contents of record 3"));
}

TEST_F(VerifyTest, AnEditedLastRecordWithARecomputedHashIsFoundThroughChainHead) {
  AuditRecord forged = auditRecord(202, "admin_halt", "", "", "someone-else", R"({"halted":true})");
  RawDb db(path_);
  const std::string prev = db.text("SELECT prev_hash FROM audit_log WHERE seq = 6");
  db.exec("UPDATE audit_log SET actor = 'someone-else', hash = '" + auditRecordHash(6, forged, prev) +
          "' WHERE seq = 6");
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u) << describe(found);
  EXPECT_THAT(found[0], Problem(6, "record 6, the last, does not match chain_head's hash: it was edited or replaced"));
}

TEST(VerifyFileTest, AMissingFileIsAnErrorAndIsNotCreated) {
  TempFolder folder;
  const std::string path = folder.file("absent.db");
  const VerifyResult result = verifyStore(path);
  EXPECT_EQ(result.error, path + ": no such file");
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(VerifyFileTest, AFileThatIsNotAStoreIsAnError) {
  TempFolder folder;
  const std::string path = folder.file("other.db");
  RawDb(path).exec("CREATE TABLE t (x)");
  EXPECT_EQ(verifyStore(path).error, path + ": not a gateway store (no schema_migrations table)");
}

TEST(VerifyFileTest, VerifyNeverWritesTheDatabase) {
  TempFolder folder;
  const std::string path = folder.file("gateway.db");
  Batch batch;
  batch.audit = {auditRecord(1, "fill")};
  testing::writeBatch(path, batch);
  const auto contents = [&] {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string before = contents();
  const VerifyResult result = verifyStore(path);
  EXPECT_EQ(contents(), before);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal") && std::filesystem::file_size(path + "-wal") > 0);
  EXPECT_TRUE(result.ok()) << result.error << describe(result.problems);
  EXPECT_EQ(result.records, 1);
}

}  // namespace
}  // namespace store
