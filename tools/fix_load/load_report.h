#pragma once

// fix-load's output: the results as a text table, and as JSON with the configuration and the tool
// version (nlohmann-json).

#include <ostream>
#include <string>
#include <vector>

#include "tools/fix_load/load_config.h"
#include "tools/fix_load/step_measurement.h"

namespace fix_load {

constexpr const char* kToolVersion = "1.0.0";

struct RunSummary {
  std::vector<StepResult> steps;
  bool findMax = false;
  double maxSustainableRate = 0;  // find-max: the highest sustained rate (0: none)
  std::string startedAt;          // UTC, ISO 8601
  double logonSeconds = 0;        // time for every session to log on
};

void printTable(std::ostream& out, const LoadConfig& config, const RunSummary& summary);

// The JSON document (pretty-printed, 2 spaces).
std::string toJson(const LoadConfig& config, const RunSummary& summary);

}  // namespace fix_load
