#include "gateway/fix/account_list.h"

#include <algorithm>

namespace gateway {
namespace fix {
namespace {

constexpr std::size_t kMaxAccountIdLength = 24;

bool isAccountChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

std::string trimBlanks(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return std::string();
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

bool isValidAccountId(const std::string& id) {
  return !id.empty() && id.size() <= kMaxAccountIdLength &&
         std::all_of(id.begin(), id.end(), isAccountChar);
}

bool parseAccountList(const std::string& text, std::vector<std::string>& accounts,
                      std::string& problem) {
  std::vector<std::string> parsed;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string id =
        trimBlanks(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    const std::string position = "account " + std::to_string(parsed.size() + 1);
    if (id.empty()) {
      problem = position + " is empty (a comma-separated list of account ids is expected)";
      return false;
    }
    if (id.size() > kMaxAccountIdLength) {
      problem = position + " '" + id + "' is longer than 24 characters";
      return false;
    }
    if (!std::all_of(id.begin(), id.end(), isAccountChar)) {
      problem = position + " '" + id + "' has a character other than A-Z a-z 0-9 . _ -";
      return false;
    }
    if (std::find(parsed.begin(), parsed.end(), id) != parsed.end()) {
      problem = position + " '" + id + "' is listed twice";
      return false;
    }
    parsed.push_back(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  accounts = parsed;
  return true;
}

}  // namespace fix
}  // namespace gateway
