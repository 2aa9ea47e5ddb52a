#pragma once

// Helpers for the store's tests and calllog's: a temporary folder per test, raw SQL on a database
// file (to play the part of someone tampering with it), opening a writer, verifying, and small
// record builders.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/records.h"
#include "store/store_writer.h"
#include "store/verify.h"

namespace store::testing {

// A fresh folder under the system's temporary folder, removed with everything in it at the end.
class TempFolder {
 public:
  TempFolder() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("store_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// An open read-write connection outside the store's code.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Runs SQL; throws with SQLite's message on failure.
  void exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string error = message != nullptr ? message : "?";
      sqlite3_free(message);
      throw std::runtime_error(error + " in: " + sql);
    }
  }

  // The first column of the first row as text ("" when NULL, "<none>" when no row).
  std::string text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + " in: " + sql);
    }
    std::string out = "<none>";
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* value = sqlite3_column_text(stmt, 0);
      out = value != nullptr ? reinterpret_cast<const char*>(value) : "";
    }
    sqlite3_finalize(stmt);
    return out;
  }

  std::int64_t number(const std::string& sql) { return std::stoll(text(sql)); }

 private:
  sqlite3* db_ = nullptr;
};

// Opens (creating) the store at `path`; throws with the writer's message when it cannot, which
// fails the test.
inline std::unique_ptr<StoreWriter> openWriter(const std::string& path, const StoreOptions& options = {}) {
  std::string error;
  std::unique_ptr<StoreWriter> writer = StoreWriter::open(path, options, error);
  if (!writer) throw std::runtime_error("cannot open the store: " + error);
  return writer;
}

// Commits `batch`; throws with the writer's message when the commit fails.
inline void commitOrThrow(StoreWriter& writer, const Batch& batch) {
  if (const auto error = writer.commit(batch)) throw std::runtime_error("commit failed: " + *error);
}

// Opens (creating) the store at `path`, commits `batch` and closes the store; throws as above.
inline void writeBatch(const std::string& path, const Batch& batch) { commitOrThrow(*openWriter(path), batch); }

// What verifyStore() finds wrong in `path`; the file itself must be readable.
inline std::vector<VerifyProblem> verifyProblems(const std::string& path) {
  const VerifyResult result = verifyStore(path);
  EXPECT_EQ(result.error, "");
  return result.problems;
}

inline AuditRecord auditRecord(std::int64_t timeNs, std::string kind, std::string account = "ACC-ALPHA",
                               std::string callId = "", std::string actor = "risk-core",
                               std::string detail = "{}", std::string orderId = "", std::string fixMessage = "") {
  AuditRecord record;
  record.timeNs = timeNs;
  record.kind = std::move(kind);
  record.account = std::move(account);
  record.callId = std::move(callId);
  record.orderId = std::move(orderId);
  record.actor = std::move(actor);
  record.detail = std::move(detail);
  record.fixMessage = std::move(fixMessage);
  return record;
}

inline JournalRecord journalRecord(std::int64_t seq, std::string kind = "market_data") {
  return JournalRecord{seq, 1'000 + seq, std::move(kind), R"({"n":)" + std::to_string(seq) + "}"};
}

// One accepted order's batch: journal record `journalSeq` and an order_accepted audit record whose
// JSON detail carries `detailBytes` of padding (to size batches) and whose raw FIX is set.
inline Batch orderBatch(std::int64_t journalSeq, std::size_t detailBytes = 10) {
  Batch batch;
  batch.journal.push_back(journalRecord(journalSeq));
  batch.audit.push_back(auditRecord(journalSeq, "order_accepted", "ACC-ALPHA", "", "CLIENT1",
                                    R"({"pad":")" + std::string(detailBytes, 'x') + R"("})",
                                    "ORD-" + std::to_string(journalSeq), "8=FIX.4.4\x01" "35=D\x01"));
  return batch;
}

}  // namespace store::testing
