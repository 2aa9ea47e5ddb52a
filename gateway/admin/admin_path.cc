#include "gateway/admin/admin_path.h"

namespace gateway::admin {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool percentDecode(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return false;
    const int high = hexValue(text[i + 1]);
    const int low = hexValue(text[i + 2]);
    if (high < 0 || low < 0) return false;
    const char decoded = static_cast<char>(high * 16 + low);
    if (decoded == '\0') return false;
    out += decoded;
    i += 2;
  }
  return true;
}

}  // namespace

std::string_view pathOf(std::string_view target) {
  const std::size_t query = target.find('?');
  return query == std::string_view::npos ? target : target.substr(0, query);
}

std::optional<std::vector<std::string>> splitPath(std::string_view target, std::string& error) {
  const std::string_view path = pathOf(target);
  if (path.empty() || path.front() != '/') {
    error = "the request target must be an absolute path";
    return std::nullopt;
  }
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string_view raw = path.substr(start, slash == std::string_view::npos ? path.npos : slash - start);
    std::string decoded;
    if (!percentDecode(raw, decoded)) {
      error = "bad percent escape in path segment '" + std::string(raw) + "'";
      return std::nullopt;
    }
    segments.push_back(std::move(decoded));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

}  // namespace gateway::admin
