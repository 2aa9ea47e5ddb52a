#include "gateway/bridge/utf8_text.h"

namespace gateway::bridge {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

std::size_t utf8SequenceLength(const unsigned char* text, std::size_t size, std::size_t& invalid) {
  const unsigned char lead = text[0];
  if (lead < 0x80) return 1;
  // The sequence's length and the range its second byte must fall in (which excludes overlong
  // forms, the surrogates D800-DFFF and anything past U+10FFFF); later bytes are plain continuations.
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    invalid = 1;  // a continuation byte, C0, C1 or F5 to FF
    return 0;
  }
  std::size_t taken = 1;
  if (taken < size && text[taken] >= low && text[taken] <= high) {
    ++taken;
    while (taken < length && taken < size && isContinuation(text[taken])) ++taken;
  }
  if (taken == length) return length;
  invalid = taken;
  return 0;
}

bool isPlainText(const std::string& text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t at = 0;
  while (at < text.size()) {
    if (bytes[at] < 0x20 || bytes[at] == 0x7F) return false;
    std::size_t invalid = 0;
    const std::size_t length = utf8SequenceLength(bytes + at, text.size() - at, invalid);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

std::string withValidUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::string out;
  std::size_t at = 0;
  std::size_t copiedUpTo = 0;
  while (at < text.size()) {
    std::size_t invalid = 0;
    const std::size_t length = utf8SequenceLength(bytes + at, text.size() - at, invalid);
    if (length != 0) {
      at += length;
      continue;
    }
    if (out.empty()) out.reserve(text.size() + 8);
    out.append(text, copiedUpTo, at - copiedUpTo);
    out += kReplacement;
    at += invalid;
    copiedUpTo = at;
  }
  if (copiedUpTo == 0) return text;
  out.append(text, copiedUpTo, std::string::npos);
  return out;
}

}  // namespace gateway::bridge
