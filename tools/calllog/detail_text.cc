#include "tools/calllog/detail_text.h"

#include <cstdint>
#include <optional>

#include "tools/calllog/time_text.h"

namespace calllog {
namespace {

using Json = nlohmann::json;

constexpr char kSoh = '\x01';

// Collects every leaf of the detail with its path, keeping floats' text as written.
class Flattener : public nlohmann::json_sax<Json> {
 public:
  explicit Flattener(DetailFields& out) : out_(out) {}

  bool null() override { return leaf("null", false); }
  bool boolean(bool value) override { return leaf(value ? "true" : "false", false); }
  bool number_integer(number_integer_t value) override { return leaf(std::to_string(value), true); }
  bool number_unsigned(number_unsigned_t value) override { return leaf(std::to_string(value), true); }
  bool number_float(number_float_t, const string_t& text) override {
    out_.hasFloat = true;
    return leaf(text, false);
  }
  bool string(string_t& value) override { return leaf(value, false); }
  bool binary(binary_t&) override { return leaf("(binary)", false); }
  bool start_object(std::size_t) override {
    open(false);
    return true;
  }
  bool key(string_t& name) override {
    levels_.back().key = name;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    open(true);
    return true;
  }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  struct Level {
    std::string path;
    bool isArray = false;
    std::size_t index = 0;
    std::size_t children = 0;
    std::string key;
  };

  // The path of the value about to be read at the current level.
  std::string childPath() {
    if (levels_.empty()) return "";
    Level& level = levels_.back();
    ++level.children;
    if (level.isArray) return level.path + "[" + std::to_string(level.index++) + "]";
    return level.path.empty() ? level.key : level.path + "." + level.key;
  }

  void open(bool isArray) {
    Level level;
    level.path = childPath();
    level.isArray = isArray;
    levels_.push_back(level);
  }

  bool close() {
    const Level level = levels_.back();
    levels_.pop_back();
    // An empty array or object below the top is still worth showing.
    if (!levels_.empty() && level.children == 0) out_.fields.push_back({level.path, level.isArray ? "[]" : "{}", false});
    return true;
  }

  bool leaf(const std::string& value, bool isInteger) {
    out_.fields.push_back({childPath(), value, isInteger});
    return true;
  }

  DetailFields& out_;
  std::vector<Level> levels_;
};

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<std::int64_t> asInteger(const std::string& text) {
  try {
    std::size_t used = 0;
    const long long value = std::stoll(text, &used);
    if (used != text.size()) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string quotedIfSpaced(const std::string& value) {
  if (!value.empty() && value.find_first_of(" \t\r\n\"") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

DetailFields flattenDetail(const std::string& detail) {
  DetailFields result;
  Flattener flattener(result);
  result.parsed = Json::sax_parse(detail, &flattener);
  if (!result.parsed) result.fields.clear();
  return result;
}

std::string renderDetail(const std::string& detail) {
  const DetailFields flat = flattenDetail(detail);
  if (!flat.parsed) return detail;
  std::string text;
  for (const DetailField& field : flat.fields) {
    if (!text.empty()) text += ' ';
    if (field.path.empty()) {
      text += quotedIfSpaced(field.value);
      continue;
    }
    const std::optional<std::int64_t> ns = field.isInteger ? asInteger(field.value) : std::nullopt;
    if (ns && endsWith(field.path, "_ns")) {
      text += field.path.substr(0, field.path.size() - 3) + "=" + formatUtcMillis(*ns);
    } else {
      text += field.path + "=" + quotedIfSpaced(field.value);
    }
  }
  return text;
}

Json detailJson(const std::string& detail) {
  const DetailFields flat = flattenDetail(detail);
  if (!flat.parsed || flat.hasFloat) return detail;
  return Json::parse(detail);
}

std::string renderFix(const std::string& message) {
  std::string text = message;
  for (char& c : text) {
    if (c == kSoh) c = '|';
  }
  return text;
}

}  // namespace calllog
