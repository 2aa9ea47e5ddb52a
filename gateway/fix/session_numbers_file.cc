#include "gateway/fix/session_numbers_file.h"

#include <quickfix/Exceptions.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gateway {
namespace fix {
namespace {

constexpr char kMagic[8] = {'G', 'W', 'S', 'E', 'Q', 'N', 'O', '1'};
constexpr std::uint32_t kFirstCapacity = 1024;

std::string systemError(const std::string& what) { return what + ": " + std::strerror(errno); }

struct Header {
  char magic[8];
  std::uint32_t slotSize;
  std::uint32_t capacity;
  std::uint32_t used;
  unsigned char padding[44];
};

struct Slot {
  char sessionId[SessionNumbersFile::kIdBytes];
  std::int32_t nextSender;
  std::int32_t nextTarget;
  std::uint64_t incarnation;
};

static_assert(sizeof(Header) == 64, "the header is 64 bytes");
static_assert(sizeof(Slot) == 128, "a slot is 128 bytes");

Header& headerAt(unsigned char* base) { return *reinterpret_cast<Header*>(base); }

Slot& slotAt(unsigned char* base, int index) {
  return *reinterpret_cast<Slot*>(base + sizeof(Header) + std::size_t(index) * sizeof(Slot));
}

}  // namespace

SessionNumbersFile::SessionNumbersFile(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw FIX::ConfigError(systemError("session numbers " + path + ": cannot open"));
  try {
    struct stat info;
    if (::fstat(fd_, &info) != 0) throw FIX::ConfigError(systemError("cannot read its size"));
    const std::size_t size = static_cast<std::size_t>(info.st_size);
    if (size == 0) {
      const std::size_t bytes = sizeof(Header) + std::size_t{kFirstCapacity} * sizeof(Slot);
      if (::ftruncate(fd_, static_cast<off_t>(bytes)) != 0) {
        throw FIX::ConfigError(systemError("cannot size it"));
      }
      map(bytes);
      Header& fresh = headerAt(base_);
      std::memcpy(fresh.magic, kMagic, sizeof kMagic);
      fresh.slotSize = sizeof(Slot);
      fresh.capacity = kFirstCapacity;
      fresh.used = 0;
      return;
    }
    if (size < sizeof(Header)) throw FIX::ConfigError("too short to be a numbers file");
    map(size);
    const Header& existing = headerAt(base_);
    if (std::memcmp(existing.magic, kMagic, sizeof kMagic) != 0 ||
        existing.slotSize != sizeof(Slot)) {
      throw FIX::ConfigError("not a session numbers file of this version");
    }
    if (sizeof(Header) + std::size_t{existing.capacity} * sizeof(Slot) != size ||
        existing.used > existing.capacity) {
      throw FIX::ConfigError("damaged: its size does not match its header");
    }
    for (std::uint32_t index = 0; index < existing.used; ++index) {
      const Slot& taken = slotAt(base_, static_cast<int>(index));
      if (std::memchr(taken.sessionId, '\0', kIdBytes) == nullptr) {
        throw FIX::ConfigError("damaged: slot " + std::to_string(index) + " has no session id");
      }
      slots_[taken.sessionId] = static_cast<int>(index);
    }
  } catch (const FIX::ConfigError& e) {
    if (base_ != nullptr) ::munmap(base_, bytes_);
    ::close(fd_);
    const std::string prefix = "session numbers " + path + ": ";
    if (e.detail.compare(0, prefix.size(), prefix) == 0) throw;
    throw FIX::ConfigError(prefix + e.detail);
  }
}

SessionNumbersFile::~SessionNumbersFile() {
  ::munmap(base_, bytes_);  // the kernel writes the pages back in its own time
  ::close(fd_);
}

void SessionNumbersFile::map(std::size_t bytes) {
  void* mapped = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
  if (mapped == MAP_FAILED) throw FIX::ConfigError(systemError("cannot map it"));
  base_ = static_cast<unsigned char*>(mapped);
  bytes_ = bytes;
}

void SessionNumbersFile::grow() {
  const std::uint32_t capacity = headerAt(base_).capacity * 2;
  const std::size_t bytes = sizeof(Header) + std::size_t{capacity} * sizeof(Slot);
  if (::ftruncate(fd_, static_cast<off_t>(bytes)) != 0) {
    throw FIX::IOException(systemError("session numbers " + path_ + ": cannot grow"));
  }
  void* mapped = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
  if (mapped == MAP_FAILED) {
    throw FIX::IOException(systemError("session numbers " + path_ + ": cannot map it grown"));
  }
  ::munmap(base_, bytes_);
  base_ = static_cast<unsigned char*>(mapped);
  bytes_ = bytes;
  headerAt(base_).capacity = capacity;
}

int SessionNumbersFile::find(const std::string& sessionId) const {
  const auto found = slots_.find(sessionId);
  return found == slots_.end() ? -1 : found->second;
}

int SessionNumbersFile::add(const std::string& sessionId, int nextSender, int nextTarget,
                            std::uint64_t incarnation) {
  if (sessionId.empty() || sessionId.size() >= kIdBytes) {
    throw FIX::IOException("session numbers " + path_ + ": session id \"" + sessionId +
                           "\" is empty or longer than " + std::to_string(kIdBytes - 1));
  }
  if (headerAt(base_).used == headerAt(base_).capacity) grow();
  const int index = static_cast<int>(headerAt(base_).used);
  Slot& fresh = slotAt(base_, index);
  std::memset(&fresh, 0, sizeof fresh);
  std::memcpy(fresh.sessionId, sessionId.data(), sessionId.size());
  fresh.nextSender = nextSender;
  fresh.nextTarget = nextTarget;
  fresh.incarnation = incarnation;
  headerAt(base_).used = static_cast<std::uint32_t>(index + 1);  // the slot is complete before it counts
  slots_[sessionId] = index;
  return index;
}

const char* SessionNumbersFile::sessionId(int index) const { return slotAt(base_, index).sessionId; }
int SessionNumbersFile::nextSender(int index) const { return slotAt(base_, index).nextSender; }
int SessionNumbersFile::nextTarget(int index) const { return slotAt(base_, index).nextTarget; }
void SessionNumbersFile::setNextSender(int index, int value) { slotAt(base_, index).nextSender = value; }
void SessionNumbersFile::setNextTarget(int index, int value) { slotAt(base_, index).nextTarget = value; }
std::uint64_t SessionNumbersFile::incarnation(int index) const { return slotAt(base_, index).incarnation; }
void SessionNumbersFile::setIncarnation(int index, std::uint64_t value) {
  slotAt(base_, index).incarnation = value;
}

}  // namespace fix
}  // namespace gateway
