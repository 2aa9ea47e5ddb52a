#include "store/batch_log.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <span>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdexcept>
#include <utility>

#include "store/batch_codec.h"

namespace store {
namespace {

constexpr char kMagic[8] = {'G', 'W', 'B', 'A', 'T', 'C', 'H', '1'};
constexpr std::size_t kAlign = 32;

// The file's first page.
struct FileHeader {
  char magic[8];
  std::uint64_t capacity;  // bytes of records after the first page
  std::uint64_t released;  // everything before this position is in the database
};

enum RecordKind : std::uint32_t { kBatch = 1, kWrap = 2 };

struct RecordHeader {
  std::uint64_t stamp;  // 1 + where in the log's history this record starts (zeroes are no record): written last
  std::uint32_t kind;
  std::uint32_t bytes;  // the encoded batch's size (kBatch), or the rest of the lap (kWrap)
  std::int64_t firstAuditSeq;
  std::uint64_t checksum;
};
static_assert(sizeof(RecordHeader) == kAlign, "a record header is one alignment unit");

std::size_t aligned(std::size_t bytes) { return (bytes + kAlign - 1) / kAlign * kAlign; }

FileHeader& fileHeader(unsigned char* base) { return *reinterpret_cast<FileHeader*>(base); }
RecordHeader& recordHeader(unsigned char* at) { return *reinterpret_cast<RecordHeader*>(at); }

std::uint64_t loadStamp(const RecordHeader& header) {
  return std::atomic_ref<std::uint64_t>(const_cast<std::uint64_t&>(header.stamp)).load(std::memory_order_acquire);
}
void storeStamp(RecordHeader& header, std::uint64_t position) {
  std::atomic_ref<std::uint64_t>(header.stamp).store(position + 1, std::memory_order_release);
}

std::string systemError(const std::string& what) { return what + ": " + std::strerror(errno); }

// A file whose first page is still all zeroes: its creation was cut short (the magic is written
// last), so it holds nothing and is made again.
bool unfinished(int fd) {
  unsigned char page[sizeof(FileHeader)];
  if (::pread(fd, page, sizeof page, 0) != static_cast<ssize_t>(sizeof page)) return false;
  for (unsigned char byte : page) {
    if (byte != 0) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<BatchLog> BatchLog::open(const std::string& path, std::size_t capacity, std::string& error) {
  if (capacity < kMinimumCapacity || capacity % kAlign != 0) {
    error = "batch log " + path + ": its capacity must be a multiple of 32 of at least " +
            std::to_string(kMinimumCapacity) + " bytes";
    return nullptr;
  }
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = systemError("batch log " + path + ": cannot open");
    return nullptr;
  }
  // One writer at a time: a second gateway on the same data folder would interleave its records.
  // The lock goes with the process, however it ends.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    error = errno == EWOULDBLOCK ? "batch log " + path + ": in use by another process (another gateway on this data folder?)"
                                 : systemError("batch log " + path + ": cannot lock");
    ::close(fd);
    return nullptr;
  }
  unsigned char* base = nullptr;
  std::size_t mapped = 0;
  auto fail = [&](const std::string& problem) -> std::unique_ptr<BatchLog> {
    if (base != nullptr) ::munmap(base, mapped);
    ::close(fd);
    error = "batch log " + path + ": " + problem;
    return nullptr;
  };
  auto map = [&](std::size_t bytes) {
    void* at = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0);
    if (at == MAP_FAILED) return false;
    base = static_cast<unsigned char*>(at);
    mapped = bytes;
    return true;
  };
  auto create = [&]() -> bool {
    // A fresh file: zeroes throughout, so no position in it names a record.
    if (::ftruncate(fd, 0) != 0 || ::ftruncate(fd, static_cast<off_t>(kHeaderBytes + capacity)) != 0) return false;
    if (!map(kHeaderBytes + capacity)) return false;
    FileHeader& header = fileHeader(base);
    header.capacity = capacity;
    header.released = 0;
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    return true;
  };

  struct stat info;
  if (::fstat(fd, &info) != 0) return fail(systemError("cannot read its size"));
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size == 0 || (size >= kHeaderBytes && unfinished(fd))) {
    if (!create()) return fail(systemError("cannot create it"));
  } else {
    if (size < kHeaderBytes) return fail("too short to be a batch log");
    if (!map(size)) return fail(systemError("cannot map it"));
    const FileHeader& header = fileHeader(base);
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) return fail("not a batch log of this version");
    if (header.capacity + kHeaderBytes != size || header.capacity % kAlign != 0 ||
        header.capacity < kMinimumCapacity) {
      return fail("damaged: its size does not match its header");
    }
  }
  std::unique_ptr<BatchLog> log(new BatchLog(path, fd, base, fileHeader(base).capacity));
  if (std::string problem = log->findEnd(); !problem.empty()) {
    error = "batch log " + path + ": " + problem;
    return nullptr;
  }
  if (log->empty() && log->capacity() != capacity) {
    // Nothing waits in it: make it again at the size asked for.
    log.reset();
    if (::truncate(path.c_str(), 0) != 0) {
      error = systemError("batch log " + path + ": cannot resize it");
      return nullptr;
    }
    return open(path, capacity, error);
  }
  return log;
}

BatchLog::BatchLog(std::string path, int fd, unsigned char* base, std::size_t capacity)
    : path_(std::move(path)), fd_(fd), base_(base), capacity_(capacity) {}

BatchLog::~BatchLog() {
  ::munmap(base_, kHeaderBytes + capacity_);  // the kernel writes the pages back in its own time
  ::close(fd_);
}

std::uint64_t BatchLog::released() const {
  return std::atomic_ref<std::uint64_t>(fileHeader(base_).released).load(std::memory_order_acquire);
}

bool BatchLog::empty() const { return released() == published_.load(std::memory_order_acquire); }

std::string BatchLog::findEnd() {
  std::uint64_t position = released();
  for (;;) {
    const std::size_t offset = position % capacity_;
    const RecordHeader& header = recordHeader(at(position));
    if (loadStamp(header) != position + 1) break;
    const std::size_t room = capacity_ - offset;
    if (header.kind == kWrap && header.bytes == room) {
      position += room;
      continue;
    }
    const std::size_t total = aligned(sizeof(RecordHeader) + header.bytes);
    if (header.kind != kBatch || total > room ||
        header.checksum != batchChecksum({at(position) + sizeof(RecordHeader), header.bytes})) {
      return "damaged: the record at position " + std::to_string(position) +
             " is not whole (move the file away only if data/gateway.db is known to hold everything)";
    }
    position += total;
  }
  writeEnd_ = position;
  published_.store(position, std::memory_order_release);
  readEnd_ = released();
  return {};
}

BatchLog::Append BatchLog::append(const Batch& batch, std::int64_t firstAuditSeq) {
  const std::size_t bytes = encodedBatchSize(batch);
  const std::size_t total = aligned(sizeof(RecordHeader) + bytes);
  if (total > capacity_ || bytes > UINT32_MAX) return Append::kTooLarge;
  std::uint64_t position = writeEnd_;
  const std::size_t room = capacity_ - position % capacity_;
  // A record never straddles the end of the ring: it goes after the write position or, past a wrap
  // marker, at the start. One that fits in neither place never fits here, however much is released.
  if (total > room && total > position % capacity_) return Append::kTooLarge;
  const std::size_t skipped = total > room ? room : 0;
  if (position + skipped + total - released() > capacity_) return Append::kFull;
  if (skipped != 0) {
    RecordHeader& wrap = recordHeader(at(position));
    wrap.kind = kWrap;
    wrap.bytes = static_cast<std::uint32_t>(room);
    wrap.firstAuditSeq = 0;
    wrap.checksum = 0;
    storeStamp(wrap, position);
    position += skipped;
  }
  unsigned char* record = at(position);
  encodeBatch(batch, record + sizeof(RecordHeader));
  RecordHeader& header = recordHeader(record);
  header.kind = kBatch;
  header.bytes = static_cast<std::uint32_t>(bytes);
  header.firstAuditSeq = firstAuditSeq;
  header.checksum = batchChecksum({record + sizeof(RecordHeader), bytes});
  storeStamp(header, position);
  writeEnd_ = position + total;
  published_.store(writeEnd_, std::memory_order_release);
  return Append::kDone;
}

bool BatchLog::readNext(Batch& into, Read& read) {
  const std::uint64_t published = published_.load(std::memory_order_acquire);
  for (;;) {
    if (readEnd_ == published) return false;
    const RecordHeader& header = recordHeader(at(readEnd_));
    if (header.kind == kWrap) {
      readEnd_ += header.bytes;
      continue;
    }
    const unsigned char* encoded = at(readEnd_) + sizeof(RecordHeader);
    if (!decodeBatch({encoded, header.bytes}, into, read.journalRecords, read.auditRecords)) {
      // Appended by this process and checked at opening: a record that does not decode is a bug.
      throw std::logic_error("batch log " + path_ + ": the record at position " + std::to_string(readEnd_) +
                             " does not decode");
    }
    read.firstAuditSeq = header.firstAuditSeq;
    readEnd_ += aligned(sizeof(RecordHeader) + header.bytes);
    read.end = readEnd_;
    return true;
  }
}

void BatchLog::release(std::uint64_t end) {
  std::atomic_ref<std::uint64_t>(fileHeader(base_).released).store(end, std::memory_order_release);
}

}  // namespace store
