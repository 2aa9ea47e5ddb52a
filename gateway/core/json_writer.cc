#include "gateway/core/json_writer.h"

#include <charconv>

#include "gateway/bridge/utf8_text.h"

namespace gateway::core {
namespace {

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

void JsonWriter::beginObject() {
  out_ += '{';
  first_ = true;
}

void JsonWriter::beginObject(std::string_view name) {
  key(name);
  beginObject();
}

void JsonWriter::endObject() {
  out_ += '}';
  first_ = false;  // in an enclosing object, this one was a field
}

void JsonWriter::key(std::string_view name) {
  if (!first_) out_ += ',';
  first_ = false;
  out_ += '"';
  out_ += name;
  out_ += "\":";
}

void JsonWriter::field(std::string_view name, std::int64_t value) {
  key(name);
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof(digits), value).ptr;
  out_.append(digits, end);
}

void JsonWriter::field(std::string_view name, bool value) {
  key(name);
  out_ += value ? "true" : "false";
}

void JsonWriter::nullField(std::string_view name) {
  key(name);
  out_ += "null";
}

void JsonWriter::field(std::string_view name, std::string_view value) {
  key(name);
  string(value);
}

void JsonWriter::field(std::string_view name, const std::vector<std::string>& values) {
  key(name);
  out_ += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i != 0) out_ += ',';
    string(values[i]);
  }
  out_ += ']';
}

void JsonWriter::string(std::string_view value) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
  out_ += '"';
  std::size_t plainFrom = 0;  // bytes copied as they are, in runs
  std::size_t at = 0;
  const auto flush = [&] { out_.append(value.data() + plainFrom, at - plainFrom); };
  while (at < value.size()) {
    const unsigned char byte = bytes[at];
    if (byte >= 0x20 && byte != '"' && byte != '\\' && byte < 0x80) {
      ++at;
      continue;
    }
    if (byte >= 0x80) {
      std::size_t invalid = 0;
      const std::size_t length = bridge::utf8SequenceLength(bytes + at, value.size() - at, invalid);
      if (length != 0) {
        at += length;
        continue;
      }
      flush();
      out_ += "\xEF\xBF\xBD";  // U+FFFD
      at += invalid;
      plainFrom = at;
      continue;
    }
    flush();
    switch (byte) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[byte >> 4];
        out_ += kHex[byte & 0x0F];
    }
    ++at;
    plainFrom = at;
  }
  flush();
  out_ += '"';
}

}  // namespace gateway::core
