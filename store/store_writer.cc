#include "store/store_writer.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <system_error>

#include "store/checkpointer.h"
#include "store/hash_chain.h"
#include "store/margin_call_summary.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"

namespace store {

namespace {

std::int64_t wallClockNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The writer's prepared statements, reused by every commit.
struct WriterStatements {
  Statement begin;
  Statement commit;
  Statement rollback;
  Statement insertJournal;
  Statement insertAudit;
  Statement selectCall;
  Statement upsertCall;
  Statement updateHead;
};

class SqliteStoreWriter final : public StoreWriter {
 public:
  SqliteStoreWriter(Connection connection, WriterStatements statements, std::int64_t lastJournalSeq,
                    std::int64_t lastAuditSeq, std::string lastHash, std::unique_ptr<Checkpointer> checkpointer)
      : connection_(std::move(connection)),
        statements_(std::move(statements)),
        lastJournalSeq_(lastJournalSeq),
        lastAuditSeq_(lastAuditSeq),
        lastHash_(std::move(lastHash)),
        checkpointer_(std::move(checkpointer)) {}

  ~SqliteStoreWriter() override {
    // The checkpointer's connection closes first; the writer's (the last one) checkpoints on close.
    checkpointer_.reset();
  }

  std::optional<std::string> commit(const Batch& batch) override;
  std::int64_t lastJournalSeq() const override { return lastJournalSeq_; }
  std::int64_t lastAuditSeq() const override { return lastAuditSeq_; }

 private:
  std::optional<std::string> writeBatch(const Batch& batch, std::int64_t& auditSeq, std::string& hash);
  std::optional<std::string> loadCall(const std::string& callId, std::optional<MarginCall>& call);
  std::optional<std::string> fail(Statement& statement);
  void rollback();

  Connection connection_;
  WriterStatements statements_;
  std::int64_t lastJournalSeq_;
  std::int64_t lastAuditSeq_;
  std::string lastHash_;
  std::unique_ptr<Checkpointer> checkpointer_;
};

std::optional<std::string> SqliteStoreWriter::fail(Statement& statement) {
  std::string error = connection_.lastError();
  statement.reset();
  return error;
}

void SqliteStoreWriter::rollback() {
  for (Statement* s : {&statements_.insertJournal, &statements_.insertAudit, &statements_.selectCall,
                       &statements_.upsertCall, &statements_.updateHead, &statements_.commit}) {
    s->reset();
  }
  statements_.rollback.step();
  statements_.rollback.reset();
}

std::optional<std::string> SqliteStoreWriter::commit(const Batch& batch) {
  if (batch.empty()) return std::nullopt;
  std::int64_t journalSeq = lastJournalSeq_;
  for (const JournalRecord& record : batch.journal) {
    if (record.seq <= journalSeq) {
      return connection_.path() + ": journal seq " + std::to_string(record.seq) + " is not after " +
             std::to_string(journalSeq);
    }
    journalSeq = record.seq;
  }

  statements_.begin.step();
  if (statements_.begin.failed()) return fail(statements_.begin);
  statements_.begin.reset();

  // The chain advances in locals; the members change only once COMMIT has succeeded, so a failed
  // commit leaves the writer where it was and a retry writes the same chain.
  std::int64_t auditSeq = lastAuditSeq_;
  std::string hash = lastHash_;
  if (auto error = writeBatch(batch, auditSeq, hash)) {
    rollback();
    return error;
  }
  statements_.commit.step();
  if (statements_.commit.failed()) {
    std::string error = connection_.lastError();
    rollback();
    return error;
  }
  statements_.commit.reset();
  lastJournalSeq_ = journalSeq;
  lastAuditSeq_ = auditSeq;
  lastHash_ = std::move(hash);
  return std::nullopt;
}

std::optional<std::string> SqliteStoreWriter::writeBatch(const Batch& batch, std::int64_t& auditSeq,
                                                         std::string& hash) {
  Statement& journal = statements_.insertJournal;
  for (const JournalRecord& record : batch.journal) {
    journal.bind(1, record.seq);
    journal.bind(2, record.timeNs);
    journal.bind(3, std::string_view(record.kind));
    journal.bind(4, std::string_view(record.payload));
    journal.step();
    if (journal.failed()) return fail(journal);
    journal.reset();
  }

  Statement& audit = statements_.insertAudit;
  std::map<std::string, std::pair<std::optional<MarginCall>, bool>> calls;  // call id -> (row, changed)
  for (const AuditRecord& record : batch.audit) {
    ++auditSeq;
    std::string next = auditRecordHash(auditSeq, record, hash);
    audit.bind(1, auditSeq);
    audit.bind(2, record.timeNs);
    audit.bind(3, std::string_view(record.kind));
    audit.bind(4, std::string_view(record.account));
    audit.bind(5, std::string_view(record.callId));
    audit.bind(6, std::string_view(record.orderId));
    audit.bind(7, std::string_view(record.actor));
    audit.bind(8, std::string_view(record.detail));
    audit.bind(9, std::string_view(record.fixMessage));
    audit.bind(10, std::string_view(hash));
    audit.bind(11, std::string_view(next));
    audit.step();
    if (audit.failed()) return fail(audit);
    audit.reset();
    hash = std::move(next);

    if (record.callId.empty()) continue;
    auto found = calls.find(record.callId);
    if (found == calls.end()) {
      std::optional<MarginCall> row;
      if (auto error = loadCall(record.callId, row)) return error;
      found = calls.emplace(record.callId, std::make_pair(std::move(row), false)).first;
    }
    if (applyAuditRecord(found->second.first, auditSeq, record)) found->second.second = true;
  }

  Statement& upsert = statements_.upsertCall;
  for (const auto& [callId, entry] : calls) {
    if (!entry.second || !entry.first) continue;
    const std::vector<SqlValue> columns = toColumns(*entry.first);
    for (std::size_t i = 0; i < columns.size(); ++i) upsert.bind(static_cast<int>(i + 1), columns[i]);
    upsert.step();
    if (upsert.failed()) return fail(upsert);
    upsert.reset();
  }

  if (!batch.audit.empty()) {
    Statement& head = statements_.updateHead;
    head.bind(1, auditSeq);
    head.bind(2, std::string_view(hash));
    head.step();
    if (head.failed()) return fail(head);
    head.reset();
  }
  return std::nullopt;
}

std::optional<std::string> SqliteStoreWriter::loadCall(const std::string& callId, std::optional<MarginCall>& call) {
  Statement& select = statements_.selectCall;
  select.bind(1, std::string_view(callId));
  if (select.step()) {
    std::vector<SqlValue> columns;
    columns.reserve(kMarginCallColumns.size());
    for (std::size_t i = 0; i < kMarginCallColumns.size(); ++i) columns.push_back(select.columnValue(static_cast<int>(i)));
    call = fromColumns(columns);
  } else if (select.failed()) {
    return fail(select);
  }
  select.reset();
  return std::nullopt;
}

std::optional<std::string> prepareAll(Connection& connection, WriterStatements& out) {
  const std::string columns = marginCallColumnList();
  std::string placeholders;
  for (std::size_t i = 0; i < kMarginCallColumns.size(); ++i) placeholders += i == 0 ? "?" : ", ?";
  const std::string selectCall = "SELECT " + columns + " FROM margin_calls WHERE call_id = ?";
  const std::string upsertCall = "INSERT OR REPLACE INTO margin_calls (" + columns + ") VALUES (" + placeholders + ")";
  const std::pair<Statement*, const char*> all[] = {
      {&out.begin, "BEGIN IMMEDIATE"},
      {&out.commit, "COMMIT"},
      {&out.rollback, "ROLLBACK"},
      {&out.insertJournal, "INSERT INTO journal (seq, time_ns, kind, payload) VALUES (?, ?, ?, ?)"},
      {&out.insertAudit,
       "INSERT INTO audit_log (seq, time_ns, kind, account, call_id, order_id, actor, detail, fix_message, "
       "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
      {&out.selectCall, selectCall.c_str()},
      {&out.upsertCall, upsertCall.c_str()},
      {&out.updateHead, "INSERT OR REPLACE INTO chain_head (id, seq, hash) VALUES (1, ?, ?)"},
  };
  for (const auto& [statement, sql] : all) {
    std::string error;
    auto prepared = Statement::prepare(connection, sql, error);
    if (!prepared) return error;
    *statement = std::move(*prepared);
  }
  return std::nullopt;
}

// The chain continues from chain_head (so deleting the last records before a restart stays
// visible to verify as a gap); from the last audit record if chain_head has no row.
std::optional<std::string> readPosition(Connection& connection, std::int64_t& lastJournalSeq,
                                        std::int64_t& lastAuditSeq, std::string& lastHash) {
  std::string error;
  auto journal = Statement::prepare(connection, "SELECT coalesce(max(seq), 0) FROM journal", error);
  if (!journal) return error;
  if (!journal->step()) return connection.lastError();
  lastJournalSeq = journal->columnInt(0);

  auto head = Statement::prepare(connection, "SELECT seq, hash FROM chain_head WHERE id = 1", error);
  if (!head) return error;
  if (head->step()) {
    lastAuditSeq = head->columnInt(0);
    lastHash = head->columnText(1);
    return std::nullopt;
  }
  if (head->failed()) return connection.lastError();
  auto last = Statement::prepare(connection, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  if (!last) return error;
  if (last->step()) {
    lastAuditSeq = last->columnInt(0);
    lastHash = last->columnText(1);
  } else if (last->failed()) {
    return connection.lastError();
  } else {
    lastAuditSeq = 0;
    lastHash = std::string(kGenesisHash);
  }
  return std::nullopt;
}

}  // namespace

std::unique_ptr<StoreWriter> StoreWriter::open(const std::string& path, const StoreOptions& options,
                                               std::string& error) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      error = path + ": cannot create its folder: " + ec.message();
      return nullptr;
    }
  }
  auto connection = Connection::openReadWrite(path, error);
  if (!connection) return nullptr;
  connection->setBusyTimeout(options.busyTimeoutMillis);
  // Small pages: a commit appends whole pages to the WAL, and a batch of audit and journal records
  // touches a handful of them (only takes effect when the file is created).
  const std::string pragmas = std::string("PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous=") +
                              (options.fsyncEveryCommit ? "FULL" : "NORMAL") +
                              "; PRAGMA wal_autocheckpoint=0; PRAGMA foreign_keys=OFF;";
  if (auto failed = connection->exec(pragmas.c_str())) {
    error = *failed;
    return nullptr;
  }
  if (auto failed = migrate(*connection, wallClockNs())) {
    error = *failed;
    return nullptr;
  }
  WriterStatements statements;
  if (auto failed = prepareAll(*connection, statements)) {
    error = *failed;
    return nullptr;
  }
  std::int64_t lastJournalSeq = 0;
  std::int64_t lastAuditSeq = 0;
  std::string lastHash;
  if (auto failed = readPosition(*connection, lastJournalSeq, lastAuditSeq, lastHash)) {
    error = *failed;
    return nullptr;
  }
  auto checkpointConnection = Connection::openReadWrite(path, error);
  if (!checkpointConnection) return nullptr;
  checkpointConnection->setBusyTimeout(options.busyTimeoutMillis);
  auto checkpointer = std::make_unique<Checkpointer>(std::move(*checkpointConnection),
                                                     std::chrono::milliseconds(options.checkpointMillis));
  return std::make_unique<SqliteStoreWriter>(std::move(*connection), std::move(statements), lastJournalSeq,
                                             lastAuditSeq, std::move(lastHash), std::move(checkpointer));
}

}  // namespace store
