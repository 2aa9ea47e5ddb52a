#pragma once

// Readable summaries of the gateway's JSON answers (what gatewayctl prints without --json).

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace gatewayctl {

// status: state, equity, maintenance, initial, available, amount to cure, deficit, health, the
// call (id, deadline) if any, and the positions.
void printStatusView(std::ostream& out, const nlohmann::json& answer);

// accounts: one line per account.
void printAccountsView(std::ostream& out, const nlohmann::json& answer);

// deposit, withdraw, halt, resume, reload: what was done (with the amount and reference when the
// answer has them), then the account like `status` when the answer is the account's report, else
// the answer's other fields.
void printOutcomeView(std::ostream& out, const std::string& command, const nlohmann::json& answer);

// A 4xx or 5xx: the status, the code and message, then the other fields the gateway gave.
void printRefusalView(std::ostream& out, int status, const nlohmann::json& answer);

// The top-level members other than ok/code/message, one per line ("  name: value"); objects one
// level deep as "name.member", arrays as their size.
void printOtherFields(std::ostream& out, const nlohmann::json& answer);

}  // namespace gatewayctl
