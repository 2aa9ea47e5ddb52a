#include "gateway/admin/admin_auth.h"

#include <cctype>

namespace gateway::admin {
namespace {

constexpr std::string_view kScheme = "bearer";

bool startsWithScheme(std::string_view authorization) {
  if (authorization.size() <= kScheme.size() || authorization[kScheme.size()] != ' ') return false;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return false;
  }
  return true;
}

bool equalInConstantTime(std::string_view a, std::string_view b) {
  unsigned difference = a.size() == b.size() ? 0U : 1U;
  for (std::size_t i = 0; i < b.size(); ++i) {
    const unsigned char left = i < a.size() ? static_cast<unsigned char>(a[i]) : 0U;
    difference |= left ^ static_cast<unsigned char>(b[i]);
  }
  return difference == 0;
}

}  // namespace

bool bearerTokenMatches(std::string_view authorization, std::string_view token) {
  if (token.empty() || !startsWithScheme(authorization)) return false;
  std::string_view presented = authorization.substr(kScheme.size() + 1);
  while (!presented.empty() && presented.front() == ' ') presented.remove_prefix(1);
  return equalInConstantTime(presented, token);
}

}  // namespace gateway::admin
