#pragma once

// A string of at most N characters stored inline, so that ids can travel in events without a heap
// allocation. Callers check fits() before constructing from untrusted text.

#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace risk {

template <std::size_t N>
class BoundedString {
 public:
  static constexpr std::size_t kCapacity = N;

  BoundedString() = default;
  // Text longer than N is a broken invariant: callers validate lengths at the edge.
  explicit BoundedString(std::string_view text) {
    if (text.size() > N) std::abort();
    std::memcpy(chars_.data(), text.data(), text.size());
    size_ = static_cast<uint8_t>(text.size());
  }

  static constexpr bool fits(std::string_view text) { return text.size() <= N; }

  std::string_view view() const { return {chars_.data(), size_}; }
  std::string str() const { return std::string(view()); }
  bool empty() const { return size_ == 0; }

  friend bool operator==(const BoundedString& a, const BoundedString& b) { return a.view() == b.view(); }
  friend bool operator==(const BoundedString& a, std::string_view b) { return a.view() == b; }

 private:
  static_assert(N < 256, "size is stored in one byte");
  std::array<char, N> chars_{};
  uint8_t size_ = 0;
};

inline constexpr std::size_t kMaxOrderIdLength = 64;  // the gateway's session-qualified ClOrdID
inline constexpr std::size_t kMaxNameLength = 24;     // account ids and symbols

using OrderId = BoundedString<kMaxOrderIdLength>;
using Name = BoundedString<kMaxNameLength>;

}  // namespace risk
