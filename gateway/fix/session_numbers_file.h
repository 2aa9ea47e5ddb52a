#pragma once

// The FIX sessions' sequence numbers in one memory-mapped file, so that raising a number costs a
// store to memory and no system call, yet survives the process being killed (the kernel keeps the
// mapped pages and writes them back). It does not, alone, survive a power loss: the session
// database keeps the same numbers too (see SqliteSessionDatabase), and a reader takes the larger.
//
// Layout (little-endian, as the machine): a 64-byte header, then fixed 128-byte slots.
//   header: magic "GWSEQNO1" (8 bytes), slot size (uint32, 128), capacity (uint32, slots the file
//           holds), used (uint32, slots taken), zero padding
//   slot:   session id (112 bytes, NUL-terminated), next sender (int32), next target (int32),
//           the session's incarnation (uint64: a hash of its creation time in the database, so
//           that numbers left from a deleted or reset database are recognised; 0: unknown)
// The file grows (doubling) when its slots are all taken; the descriptor stays open, so the whole
// process uses exactly one for it. Not thread-safe: the session database guards it.

#include <cstdint>
#include <string>
#include <unordered_map>

namespace gateway {
namespace fix {

class SessionNumbersFile {
 public:
  static constexpr std::size_t kIdBytes = 112;  // a session id is at most 111 characters

  // Opens `path`, or creates it with room for 1,024 sessions. Throws FIX::ConfigError naming the
  // file when it cannot be opened or is not a numbers file of this layout.
  explicit SessionNumbersFile(const std::string& path);
  ~SessionNumbersFile();

  SessionNumbersFile(const SessionNumbersFile&) = delete;
  SessionNumbersFile& operator=(const SessionNumbersFile&) = delete;

  // The session's slot, or -1 when it has none.
  int find(const std::string& sessionId) const;
  // Takes a slot for the session with these numbers; throws FIX::IOException when the id is too
  // long or the file cannot grow.
  int add(const std::string& sessionId, int nextSender, int nextTarget, std::uint64_t incarnation);

  const char* sessionId(int slot) const;
  int nextSender(int slot) const;
  int nextTarget(int slot) const;
  void setNextSender(int slot, int value);
  void setNextTarget(int slot, int value);
  std::uint64_t incarnation(int slot) const;
  void setIncarnation(int slot, std::uint64_t value);

  const std::string& path() const { return path_; }

 private:
  void map(std::size_t bytes);
  void grow();

  const std::string path_;
  int fd_ = -1;
  unsigned char* base_ = nullptr;
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, int> slots_;
};

}  // namespace fix
}  // namespace gateway
