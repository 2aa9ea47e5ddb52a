#pragma once

// Scenario files: CSV lines `offset_ms,symbol,bid,ask,last`. A header line (first non-comment line
// starting with "offset") and `#` comments are allowed; an empty price field leaves that value
// unchanged. Every problem is refused with "file:line: what is wrong".

#include <cstdint>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/venue_sim/venue_types.h"

namespace venue_sim {

struct ScenarioRow {
  std::int64_t offsetMs = 0;
  MarketUpdate update;
  int line = 0;  // where it came from, for messages
};

class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(const std::string& what) : std::runtime_error(what) {}
};

// Parses a whole scenario; `name` is used in error messages. Throws ScenarioError.
std::vector<ScenarioRow> parseScenario(std::istream& input, const std::string& name);

// Opens and parses `path`. Throws ScenarioError (also when the file cannot be read).
std::vector<ScenarioRow> loadScenarioFile(const std::string& path);

}  // namespace venue_sim
