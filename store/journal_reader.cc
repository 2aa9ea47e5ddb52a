#include "store/journal_reader.h"

#include <filesystem>

#include "store/sqlite_handle.h"

namespace store {

std::optional<std::string> readJournal(const std::string& path, std::int64_t afterSeq,
                                       const std::function<bool(const JournalRecord&)>& visit) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  std::string error;
  auto connection = Connection::openReadOnly(path, error);
  if (!connection) return error;
  auto rows = Statement::prepare(*connection,
                                 "SELECT seq, time_ns, kind, payload FROM journal WHERE seq > ? ORDER BY seq", error);
  if (!rows) return error;
  rows->bind(1, afterSeq);
  JournalRecord record;
  while (rows->step()) {
    record.seq = rows->columnInt(0);
    record.timeNs = rows->columnInt(1);
    record.kind = rows->columnText(2);
    record.payload = rows->columnText(3);
    if (!visit(record)) return std::nullopt;
  }
  if (rows->failed()) return connection->lastError();
  return std::nullopt;
}

}  // namespace store
