#pragma once

// calllog's command line (Boost.Program_options): `calllog [--db PATH] <command> [options]`, where
// each command has its own options and its own --help.

#include <ostream>
#include <string>

#include "tools/calllog/call_queries.h"
#include "tools/calllog/call_views.h"

namespace calllog {

constexpr const char* kDefaultDatabase = "data/gateway.db";

struct CalllogOptions {
  std::string command;  // list, show, daily, export, verify
  std::string dbPath = kDefaultDatabase;
  Format format = Format::kTable;
  CallFilter filter;       // list, export
  std::string callId;      // show
  std::string date;        // daily: YYYY-MM-DD; empty: today (UTC)
  std::string outputPath;  // export: empty writes to stdout
};

enum class OptionsStatus { kRun, kHelp, kError };

// kHelp: the usage (of the command when one was named) was written to `help`. kError: `error`
// says what is wrong.
OptionsStatus parseCalllogOptions(int argc, const char* const argv[], CalllogOptions& options, std::ostream& help,
                                  std::string& error);

}  // namespace calllog
