#pragma once

// Loads the risk configuration (fix-config/risk.toml) into risk::RiskConfig and validates it.
//
// Every problem found is reported, not just the first, each with the file, a key path and a plain
// description. Key paths name array elements by their symbol or account id when it is known and
// unique, and by their 0-based index otherwise:
//   defaults.warning_enter
//   instrument[ESZ6].tiers[1].maintenance_rate
//   account[ACC-BETA].thresholds.call_grace_seconds
//   instrument[2].symbol
// Decimals are written as quoted strings ("0.25") or integers; TOML floats are refused because they
// are binary and inexact.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "risk/risk_config.h"

namespace gateway::config {

struct ConfigError {
  std::string file;     // as the caller named it
  std::string key;      // e.g. "instrument[ESZ6].tick_size"; empty for problems with the whole file
  std::string problem;  // plain words

  // "fix-config/risk.toml: instrument[ESZ6].tick_size: must be greater than 0 (found -0.25)";
  // the key part is left out when the key is empty.
  std::string toString() const;
};

// `config` is set exactly when `errors` is empty.
struct RiskConfigLoad {
  std::optional<risk::RiskConfig> config;
  std::vector<ConfigError> errors;
  std::string text;  // the TOML as read (the gateway journals it with the configuration it applies)
};

// A missing or unreadable file gives one error naming the file.
RiskConfigLoad loadRiskConfigFile(const std::string& path);

// `fileNameForMessages` only labels the errors.
RiskConfigLoad loadRiskConfigText(std::string_view text, const std::string& fileNameForMessages);

}  // namespace gateway::config
