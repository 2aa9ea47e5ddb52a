#include "store/batch_codec.h"

#include <cstring>
#include <string>

namespace store {
namespace {

class Writer {
 public:
  explicit Writer(unsigned char* out) : out_(out) {}
  void number(std::uint64_t value) { put(&value, sizeof value); }
  void text(const std::string& value) {
    const auto length = static_cast<std::uint32_t>(value.size());
    put(&length, sizeof length);
    put(value.data(), value.size());
  }

 private:
  void put(const void* data, std::size_t size) {
    std::memcpy(out_, data, size);
    out_ += size;
  }
  unsigned char* out_;
};

class Reader {
 public:
  explicit Reader(std::span<const unsigned char> bytes) : bytes_(bytes) {}
  bool number(std::int64_t& value) { return get(&value, sizeof value); }
  bool count(std::uint64_t& value) { return get(&value, sizeof value); }
  bool text(std::string& value) {
    std::uint32_t length = 0;
    if (!get(&length, sizeof length) || length > bytes_.size() - offset_) return false;
    value.assign(reinterpret_cast<const char*>(bytes_.data() + offset_), length);
    offset_ += length;
    return true;
  }
  bool atEnd() const { return offset_ == bytes_.size(); }

 private:
  bool get(void* data, std::size_t size) {
    if (size > bytes_.size() - offset_) return false;
    std::memcpy(data, bytes_.data() + offset_, size);
    offset_ += size;
    return true;
  }
  std::span<const unsigned char> bytes_;
  std::size_t offset_ = 0;
};

constexpr std::size_t kNumber = sizeof(std::uint64_t);
constexpr std::size_t kLength = sizeof(std::uint32_t);

}  // namespace

std::size_t encodedBatchSize(const Batch& batch) {
  std::size_t size = 2 * kNumber;
  for (const JournalRecord& record : batch.journal) {
    size += 2 * kNumber + 2 * kLength + record.kind.size() + record.payload.size();
  }
  for (const AuditRecord& record : batch.audit) {
    size += kNumber + 7 * kLength + record.kind.size() + record.account.size() + record.callId.size() +
            record.orderId.size() + record.actor.size() + record.detail.size() + record.fixMessage.size();
  }
  return size;
}

void encodeBatch(const Batch& batch, unsigned char* out) {
  Writer writer(out);
  writer.number(batch.journal.size());
  writer.number(batch.audit.size());
  for (const JournalRecord& record : batch.journal) {
    writer.number(static_cast<std::uint64_t>(record.seq));
    writer.number(static_cast<std::uint64_t>(record.timeNs));
    writer.text(record.kind);
    writer.text(record.payload);
  }
  for (const AuditRecord& record : batch.audit) {
    writer.number(static_cast<std::uint64_t>(record.timeNs));
    for (const std::string* field : {&record.kind, &record.account, &record.callId, &record.orderId, &record.actor,
                                     &record.detail, &record.fixMessage}) {
      writer.text(*field);
    }
  }
}

bool decodeBatch(std::span<const unsigned char> bytes, Batch& into, std::size_t& journalRecords,
                 std::size_t& auditRecords) {
  Reader reader(bytes);
  std::uint64_t journalCount = 0;
  std::uint64_t auditCount = 0;
  // Each record takes at least 16 bytes: a damaged count cannot make us reserve wildly.
  if (!reader.count(journalCount) || !reader.count(auditCount) || journalCount > bytes.size() / 16 ||
      auditCount > bytes.size() / 16) {
    return false;
  }
  const std::size_t journalBefore = into.journal.size();
  const std::size_t auditBefore = into.audit.size();
  auto failed = [&] {
    into.journal.resize(journalBefore);
    into.audit.resize(auditBefore);
    return false;
  };
  for (std::uint64_t i = 0; i < journalCount; ++i) {
    JournalRecord& record = into.journal.emplace_back();
    if (!reader.number(record.seq) || !reader.number(record.timeNs) || !reader.text(record.kind) ||
        !reader.text(record.payload)) {
      return failed();
    }
  }
  for (std::uint64_t i = 0; i < auditCount; ++i) {
    AuditRecord& record = into.audit.emplace_back();
    if (!reader.number(record.timeNs)) return failed();
    for (std::string* field : {&record.kind, &record.account, &record.callId, &record.orderId, &record.actor,
                               &record.detail, &record.fixMessage}) {
      if (!reader.text(*field)) return failed();
    }
  }
  if (!reader.atEnd()) return failed();
  journalRecords = static_cast<std::size_t>(journalCount);
  auditRecords = static_cast<std::size_t>(auditCount);
  return true;
}

std::uint64_t batchChecksum(std::span<const unsigned char> bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::uint64_t hash = 0xcbf29ce484222325ULL ^ bytes.size();
  std::size_t offset = 0;
  for (; offset + 8 <= bytes.size(); offset += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + offset, 8);
    hash = (hash ^ word) * kPrime;
    hash ^= hash >> 29;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + offset, bytes.size() - offset);
  hash = (hash ^ tail) * kPrime;
  return hash ^ (hash >> 32);
}

}  // namespace store
