#include "gateway/admin/admin_request_log.h"

namespace gateway::admin {
namespace {

constexpr std::size_t kMaxWord = 200;

std::string logWord(std::string_view text) {
  if (text.empty()) return "-";
  std::string word;
  for (const char c : text.substr(0, kMaxWord)) word += (c > ' ' && c < 0x7f) ? c : '?';
  if (text.size() > kMaxWord) word += "...";
  return word;
}

}  // namespace

std::string requestLogLine(std::string_view user, std::string_view method, std::string_view path, int status) {
  return "ADMIN " + logWord(user) + " " + logWord(method) + " " + logWord(path) + " -> " + std::to_string(status);
}

}  // namespace gateway::admin
