#pragma once

// The `Accounts` key of a client session: the accounts the session may trade, comma-separated.

#include <string>
#include <vector>

namespace gateway {
namespace fix {

// Parses "ACC-ALPHA, ACC-BETA" (blanks around the ids are ignored). Every id is 1-24 characters
// from A-Z a-z 0-9 . _ -; the list is non-empty and has no id twice. On failure returns false and
// sets `problem` (e.g. "account 2 'A B' has a character other than A-Z a-z 0-9 . _ -").
bool parseAccountList(const std::string& text, std::vector<std::string>& accounts,
                      std::string& problem);

// True when `id` is a valid account id (1-24 characters from A-Z a-z 0-9 . _ -).
bool isValidAccountId(const std::string& id);

}  // namespace fix
}  // namespace gateway
