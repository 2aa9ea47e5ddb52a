#include "tools/fix_load/name_format.h"

#include <chrono>
#include <cstdlib>

namespace fix_load {
namespace {

constexpr char kPlaceholder[] = "{n}";
constexpr std::size_t kPlaceholderLength = 3;

bool parseNonNegative(const std::string& text, std::int64_t& value) {
  if (text.empty() || text.size() > 18) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::string expandFormat(const std::string& format, int n) {
  std::string out;
  const std::string number = std::to_string(n);
  std::size_t from = 0;
  while (true) {
    const std::size_t at = format.find(kPlaceholder, from);
    if (at == std::string::npos) break;
    out.append(format, from, at - from);
    out += number;
    from = at + kPlaceholderLength;
  }
  out.append(format, from, std::string::npos);
  return out;
}

std::string formatClOrdId(const std::string& runTag, int step, std::int64_t index) {
  return runTag + "-" + std::to_string(step) + "-" + std::to_string(index);
}

bool parseClOrdId(const std::string& clOrdId, const std::string& runTag, int& step, std::int64_t& index) {
  if (clOrdId.size() <= runTag.size() + 1 || clOrdId.compare(0, runTag.size(), runTag) != 0 ||
      clOrdId[runTag.size()] != '-') {
    return false;
  }
  const std::size_t stepStart = runTag.size() + 1;
  const std::size_t dash = clOrdId.find('-', stepStart);
  if (dash == std::string::npos) return false;
  std::int64_t stepValue = 0;
  if (!parseNonNegative(clOrdId.substr(stepStart, dash - stepStart), stepValue) || stepValue > 1000000) {
    return false;
  }
  if (!parseNonNegative(clOrdId.substr(dash + 1), index)) return false;
  step = static_cast<int>(stepValue);
  return true;
}

std::string makeRunTag() {
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  std::string reversed;
  do {
    reversed += kDigits[micros % 36];
    micros /= 36;
  } while (micros > 0);
  return "L" + std::string(reversed.rbegin(), reversed.rend());
}

bool parseRateList(const std::string& text, std::vector<double>& rates, std::string& error) {
  rates.clear();
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t comma = text.find(',', from);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(from, comma - from);
    double multiplier = 1;
    if (!item.empty() && (item.back() == 'k' || item.back() == 'K')) {
      multiplier = 1000;
      item.pop_back();
    }
    char* end = nullptr;
    const double value = item.empty() ? 0 : std::strtod(item.c_str(), &end);
    if (item.empty() || end == nullptr || *end != '\0' || !(value > 0)) {
      error = "'" + text.substr(from, comma - from) + "' in the rate list is not a positive number";
      return false;
    }
    rates.push_back(value * multiplier);
    from = comma + 1;
  }
  return true;
}

bool isPositiveDecimal(const std::string& text) {
  bool digit = false;
  bool nonZero = false;
  bool point = false;
  for (char c : text) {
    if (c == '.') {
      if (point) return false;
      point = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
      if (c != '0') nonZero = true;
    } else {
      return false;
    }
  }
  return digit && nonZero;
}

}  // namespace fix_load
