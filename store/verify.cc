#include "store/verify.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "store/audit_log_row.h"
#include "store/hash_chain.h"
#include "store/margin_call_summary.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"

namespace store {

namespace {

// How far either side of a record whose hash fails verify looks for the position its contents were
// hashed at (to tell a reordered record from an edited one), and for how many such records.
constexpr std::int64_t kMoveSearch = 64;
constexpr int kMoveSearchRecords = 1000;

std::string recordName(std::int64_t seq) { return "record " + std::to_string(seq); }

class Verifier {
 public:
  Verifier(Connection& connection, VerifyResult& result) : connection_(connection), result_(result) {}

  bool run() {
    if (!checkVersion()) return false;
    if (auto error = connection_.exec("BEGIN")) return setError(*error);  // one snapshot for every read
    const bool read = walkChain() && checkHead() && checkCalls();
    connection_.exec("COMMIT");
    return read;
  }

 private:
  bool setError(std::string error) {
    result_.error = std::move(error);
    return false;
  }

  void report(std::int64_t seq, std::string problem) { result_.problems.push_back({seq, std::move(problem)}); }

  bool checkVersion() {
    std::string error;
    const std::optional<int> version = schemaVersion(connection_, error);
    if (!version) return setError(error);
    if (*version == 0) return setError(connection_.path() + ": not a gateway store (no schema_migrations table)");
    if (*version > kSchemaVersion) {
      return setError(connection_.path() + ": schema version " + std::to_string(*version) +
                      " is newer than this program knows (" + std::to_string(kSchemaVersion) + ")");
    }
    return true;
  }

  bool walkChain() {
    std::string error;
    auto rows = Statement::prepare(
        connection_, (std::string("SELECT ") + kAuditLogColumns + " FROM audit_log ORDER BY seq").c_str(), error);
    if (!rows) return setError(error);
    std::string previousHash(kGenesisHash);
    while (rows->step()) {
      AuditLogRow row;
      row.seq = rows->columnInt(0);
      row.record.timeNs = rows->columnInt(1);
      row.record.kind = rows->columnText(2);
      row.record.account = rows->columnText(3);
      row.record.callId = rows->columnText(4);
      row.record.orderId = rows->columnText(5);
      row.record.actor = rows->columnText(6);
      row.record.detail = rows->columnText(7);
      row.record.fixMessage = rows->columnText(8);
      row.prevHash = rows->columnText(9);
      row.hash = rows->columnText(10);
      const std::int64_t seq = row.seq;
      const AuditRecord& record = row.record;
      checkRecord(seq, record, row.prevHash, row.hash, previousHash);

      auto& call = calls_[record.callId];
      applyAuditRecord(call, seq, record);
      if (!call) calls_.erase(record.callId);
      ++result_.records;
      lastSeq_ = seq;
      lastHash_ = row.hash;
      previousHash = row.hash;
    }
    if (rows->failed()) return setError(connection_.lastError());
    return true;
  }

  void checkRecord(std::int64_t seq, const AuditRecord& record, const std::string& prevHash, const std::string& hash,
                   const std::string& previousHash) {
    const bool gap = seq != lastSeq_ + 1;
    if (gap) {
      const std::int64_t first = lastSeq_ + 1;
      const std::int64_t last = seq - 1;
      report(first, first == last ? recordName(first) + " is missing (deleted)"
                                  : "records " + std::to_string(first) + " to " + std::to_string(last) +
                                        " are missing (deleted)");
    }
    const bool previousMoved = previousMoved_;
    previousMoved_ = false;
    if (auditRecordHash(seq, record, prevHash) != hash) {
      if (const std::optional<std::int64_t> from = hashedAt(seq, record, prevHash, hash)) {
        report(seq, recordName(seq) + " is out of order: it holds the contents of " + recordName(*from));
        previousMoved_ = true;
      } else {
        report(seq, recordName(seq) + " was edited: its hash does not match its contents");
      }
      return;
    }
    // After a gap or a record found moved, the link is already explained by that problem.
    if (!gap && !previousMoved && prevHash != previousHash) {
      report(seq, recordName(seq) + " is out of order or follows a deleted record: its prev_hash does not match " +
                      (seq == 1 ? std::string("the chain's start") : recordName(seq - 1) + "'s hash"));
    }
  }

  // The nearby position at which these contents hash to `hash`, if any: a record moved there.
  std::optional<std::int64_t> hashedAt(std::int64_t seq, const AuditRecord& record, const std::string& prevHash,
                                       const std::string& hash) {
    if (moveSearches_ >= kMoveSearchRecords) return std::nullopt;
    ++moveSearches_;
    for (std::int64_t distance = 1; distance <= kMoveSearch; ++distance) {
      for (const std::int64_t candidate : {seq - distance, seq + distance}) {
        if (candidate >= 1 && auditRecordHash(candidate, record, prevHash) == hash) return candidate;
      }
    }
    return std::nullopt;
  }

  bool checkHead() {
    std::string error;
    auto head = Statement::prepare(connection_, "SELECT seq, hash FROM chain_head WHERE id = 1", error);
    if (!head) return setError(error);
    if (!head->step()) {
      if (head->failed()) return setError(connection_.lastError());
      report(0, "chain_head has no row: the chain's end cannot be checked");
      return true;
    }
    const std::int64_t headSeq = head->columnInt(0);
    const std::string headHash = head->columnText(1);
    const std::string trailEnd =
        lastSeq_ == 0 ? std::string("the trail is empty") : "the trail ends at " + recordName(lastSeq_);
    if (headSeq > lastSeq_) {
      report(lastSeq_ + 1, "the last records were deleted: chain_head names " + recordName(headSeq) + " but " + trailEnd);
    } else if (headSeq < lastSeq_) {
      report(headSeq + 1, "chain_head names " + recordName(headSeq) + " but " + trailEnd +
                              ": records were added without the writer, or chain_head was rolled back");
    } else if (headHash != (lastSeq_ == 0 ? std::string(kGenesisHash) : lastHash_)) {
      report(lastSeq_, (lastSeq_ == 0 ? std::string("chain_head's hash is not the chain's start")
                                      : recordName(lastSeq_) + ", the last, does not match chain_head's hash") +
                           ": it was edited or replaced");
    }
    return true;
  }

  bool checkCalls() {
    std::string error;
    auto rows = Statement::prepare(connection_, ("SELECT " + marginCallColumnList() + " FROM margin_calls").c_str(),
                                   error);
    if (!rows) return setError(error);
    std::map<std::string, bool> seen;
    while (rows->step()) {
      const std::string callId = rows->columnText(0);
      const auto rebuilt = calls_.find(callId);
      if (rebuilt == calls_.end()) {
        report(0, "call " + callId + ": extra row: the audit trail has no call_issued record for it");
        continue;
      }
      seen[callId] = true;
      const std::vector<SqlValue> expected = toColumns(*rebuilt->second);
      for (std::size_t i = 0; i < kMarginCallColumns.size(); ++i) {
        const SqlValue stored = rows->columnValue(static_cast<int>(i));
        if (stored != expected[i]) {
          report(rebuilt->second->issuedSeq, "call " + callId + ": " + kMarginCallColumns[i] + " differs: the row says " +
                                                 describeValue(stored) + ", the audit trail gives " +
                                                 describeValue(expected[i]));
        }
      }
    }
    if (rows->failed()) return setError(connection_.lastError());
    for (const auto& [callId, call] : calls_) {
      if (!seen.contains(callId)) {
        report(call->issuedSeq, "call " + callId + ": its margin_calls row is missing (issued in " +
                                    recordName(call->issuedSeq) + ")");
      }
    }
    result_.calls = static_cast<std::int64_t>(calls_.size());
    return true;
  }

  Connection& connection_;
  VerifyResult& result_;
  std::map<std::string, std::optional<MarginCall>> calls_;
  std::int64_t lastSeq_ = 0;
  std::string lastHash_;
  int moveSearches_ = 0;
  bool previousMoved_ = false;
};

}  // namespace

VerifyResult verifyStore(const std::string& path) {
  VerifyResult result;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    result.error = path + ": no such file";
    return result;
  }
  auto connection = Connection::openReadOnly(path, result.error);
  if (!connection) return result;
  Verifier(*connection, result).run();
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const VerifyProblem& a, const VerifyProblem& b) { return a.seq < b.seq; });
  return result;
}

}  // namespace store
