#include "tools/calllog/calllog_options.h"

#include <boost/program_options.hpp>

#include "tools/calllog/time_text.h"

namespace calllog {
namespace {

namespace po = boost::program_options;

constexpr const char* kOverview =
    "calllog: the compliance officer's view of the risk gateway's margin calls and audit trail.\n"
    "It reads the gateway's SQLite database read-only and never blocks the gateway, so it is safe\n"
    "to run on the live database.\n\n"
    "Usage: calllog [--db PATH] <command> [command options]\n\n"
    "Commands:\n"
    "  list     one line per margin call, filtered by account, time issued, outcome or status\n"
    "  show     one call: who was called, for how much, why, when told, by when, how it ended,\n"
    "           and its whole timeline with the FIX messages\n"
    "  daily    the daily margin-call record: one row per call issued on a day, with the date\n"
    "           and manner met\n"
    "  export   calls with every summary column (CSV), or with their timelines (JSON)\n"
    "  verify   check the audit trail's hash chain and the margin-call summaries against it\n\n"
    "'calllog <command> --help' shows a command's options. Times are UTC, printed as\n"
    "2026-11-24T01:02:03.456Z. Amounts are printed exactly as the gateway stored them.\n\n"
    "Exit codes: 0 done; 1 verify found problems, or show found no such call; 2 bad usage, or\n"
    "the database cannot be read.\n";

constexpr const char* kFilterHelp =
    "\nTimes are UTC, as 2026-11-24T01:02:03.456Z (fraction and Z optional) or a date 2026-11-24\n"
    "(that day's start). --from is inclusive, --to exclusive: --from 2026-11-24 --to 2026-11-25\n"
    "is the calls issued on the 24th.\n"
    "Outcomes: cured_by_deposit, cured_by_fills, cured_by_prices, cured_by_reload, liquidated,\n"
    "liquidated_to_flat, or 'cured' for any cured_by_*. Statuses: open, liquidating, closed.\n";

struct FilterText {
  std::vector<std::string> accounts;
  std::string from;
  std::string to;
  std::string outcome;
  std::string status;
};

struct CommandText {
  std::string format;
  FilterText filter;
};

po::options_description commonOptions(CalllogOptions& options) {
  po::options_description common("Options");
  common.add_options()
      ("db", po::value(&options.dbPath)->default_value(kDefaultDatabase), "the gateway's database file")
      ("help,h", "show this help");
  return common;
}

void addFilterOptions(po::options_description& description, FilterText& filter) {
  description.add_options()
      ("account", po::value(&filter.accounts)->composing(), "only this account (repeat for several)")
      ("from", po::value(&filter.from), "only calls issued at or after this time")
      ("to", po::value(&filter.to), "only calls issued before this time")
      ("outcome", po::value(&filter.outcome), "only calls closed with this outcome")
      ("status", po::value(&filter.status), "only calls in this status: open, liquidating, closed");
}

// What the command does and its usage line, for its --help.
std::string commandUsage(const std::string& command) {
  if (command == "list") {
    return "calllog list: one line per margin call (call, account, issued, amount to cure, deadline,\n"
           "sessions, status and outcome, manner met, when closed), by time issued.\n"
           "Usage: calllog list [--account A]... [--from T] [--to T] [--outcome O] [--status S]\n"
           "                    [--format table|csv|json]\n" +
           std::string(kFilterHelp);
  }
  if (command == "show") {
    return "calllog show: one margin call. On top, who was called (account, sessions), for how much\n"
           "(the amounts at issue), why (the trigger), when told, by when, how it ended; below, every\n"
           "audit record of the call in order, with its numbers and its FIX message (SOH shown as |),\n"
           "and the records of its liquidation orders LIQ-<call id>-n.\n"
           "Usage: calllog show CALL_ID [--format text|json]\n";
  }
  if (command == "daily") {
    return "calllog daily: the daily margin-call record (FINRA Rule 4220 style): one row per call\n"
           "issued on the day, with the account, the amount required, the date issued and the date\n"
           "and manner met (or 'outstanding', or 'not met: liquidated').\n"
           "Usage: calllog daily [--date YYYY-MM-DD] [--format table|csv|json]\n";
  }
  if (command == "export") {
    return "calllog export: the selected calls with every summary column (CSV, RFC 4180), or with\n"
           "every summary field and their whole timelines (JSON).\n"
           "Usage: calllog export --format csv|json [--account A]... [--from T] [--to T]\n"
           "                      [--outcome O] [--status S] [--output FILE]\n" +
           std::string(kFilterHelp);
  }
  return "calllog verify: checks every audit record's hash against its contents and the record\n"
         "before it, the chain head, and every margin_calls row against the records. Prints\n"
         "'OK: N records, M calls verified' (exit 0), or each problem with its record number (exit 1).\n"
         "Usage: calllog verify\n";
}

// The command's own options.
po::options_description commandOptions(const std::string& command, CalllogOptions& options, CommandText& text) {
  if (command == "list") {
    po::options_description description("Command options");
    addFilterOptions(description, text.filter);
    description.add_options()("format", po::value(&text.format)->default_value("table"), "table, csv or json");
    return description;
  }
  if (command == "show") {
    po::options_description description("Command options");
    description.add_options()("format", po::value(&text.format)->default_value("text"), "text or json");
    return description;
  }
  if (command == "daily") {
    po::options_description description("Command options");
    description.add_options()
        ("date", po::value(&options.date), "the day, UTC (default: today)")
        ("format", po::value(&text.format)->default_value("table"), "table, csv or json");
    return description;
  }
  if (command == "export") {
    po::options_description description("Command options");
    description.add_options()
        ("format", po::value(&text.format)->required(), "csv or json (required)")
        ("output,o", po::value(&options.outputPath), "write to this file instead of stdout");
    addFilterOptions(description, text.filter);
    return description;
  }
  if (command == "verify") {
    return po::options_description("Command options");
  }
  return po::options_description();
}

bool isCommand(const std::string& command) {
  return command == "list" || command == "show" || command == "daily" || command == "export" ||
         command == "verify";
}

bool toFormat(const std::string& command, const std::string& text, Format& format, std::string& error) {
  const bool table = command == "list" || command == "daily";
  if (text == "table" && table) {
    format = Format::kTable;
  } else if (text == "text" && command == "show") {
    format = Format::kText;
  } else if (text == "csv" && command != "show") {
    format = Format::kCsv;
  } else if (text == "json") {
    format = Format::kJson;
  } else {
    error = "--format " + text + " is not one of " +
            (command == "show" ? "text, json" : table ? "table, csv, json" : "csv, json");
    return false;
  }
  return true;
}

bool toFilter(const FilterText& text, CallFilter& filter, std::string& error) {
  for (const std::string& account : text.accounts) {
    if (account.empty()) {
      error = "--account must not be empty";
      return false;
    }
  }
  filter.accounts = text.accounts;
  const auto time = [&error](const std::string& name, const std::string& value, std::optional<std::int64_t>& ns) {
    if (value.empty()) return true;
    ns = parseUtcTime(value);
    if (!ns) error = "--" + name + " " + value + " is not a UTC time like 2026-11-24T01:02:03.456Z or a date 2026-11-24";
    return ns.has_value();
  };
  if (!time("from", text.from, filter.fromNs) || !time("to", text.to, filter.toNs)) return false;
  if (filter.fromNs && filter.toNs && *filter.fromNs > *filter.toNs) {
    error = "--from " + text.from + " is after --to " + text.to;
    return false;
  }
  if (!text.outcome.empty()) filter.outcome = text.outcome;
  if (!text.status.empty()) {
    if (text.status != "open" && text.status != "liquidating" && text.status != "closed") {
      error = "--status " + text.status + " is not one of open, liquidating, closed";
      return false;
    }
    filter.status = text.status;
  }
  return true;
}

// Everything after the command that the first pass did not take: the command's options and
// positional arguments, in their order.
std::vector<std::string> commandArguments(const po::parsed_options& parsed) {
  std::vector<std::string> arguments;
  for (const po::option& option : parsed.options) {
    if (option.unregistered) {
      arguments.insert(arguments.end(), option.original_tokens.begin(), option.original_tokens.end());
    } else if (option.string_key == "arguments") {
      arguments.insert(arguments.end(), option.value.begin(), option.value.end());
    }
  }
  return arguments;
}

}  // namespace

OptionsStatus parseCalllogOptions(int argc, const char* const argv[], CalllogOptions& options, std::ostream& help,
                                  std::string& error) {
  const po::options_description common = commonOptions(options);
  po::options_description first;
  first.add(common).add_options()
      ("command", po::value(&options.command))
      ("arguments", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("command", 1).add("arguments", -1);
  CommandText text;
  try {
    const po::parsed_options parsed =
        po::command_line_parser(argc, argv).options(first).positional(positional).allow_unregistered().run();
    po::variables_map values;
    po::store(parsed, values);
    po::notify(values);
    const bool wantsHelp = values.count("help") != 0;
    if (options.command.empty() || !isCommand(options.command)) {
      if (wantsHelp || options.command.empty()) {
        if (!wantsHelp) {
          error = "no command given (list, show, daily, export, verify)";
          return OptionsStatus::kError;
        }
        help << kOverview << "\n" << common << "\n";
        return OptionsStatus::kHelp;
      }
      error = "unknown command '" + options.command +
              "' (the commands are list, show, daily, export, verify; their options go after the command)";
      return OptionsStatus::kError;
    }
    po::options_description own = commandOptions(options.command, options, text);
    if (wantsHelp) {
      help << commandUsage(options.command) << "\n";
      if (!own.options().empty()) help << own << "\n";
      help << common << "\n";
      return OptionsStatus::kHelp;
    }
    po::options_description all;
    all.add(own).add_options()("call-id", po::value(&options.callId));
    po::positional_options_description ownPositional;
    if (options.command == "show") ownPositional.add("call-id", 1);
    po::variables_map ownValues;
    po::store(po::command_line_parser(commandArguments(parsed)).options(all).positional(ownPositional).run(),
              ownValues);
    po::notify(ownValues);
  } catch (const po::error& e) {
    error = e.what();
    return OptionsStatus::kError;
  }
  if (options.dbPath.empty()) {
    error = "--db must not be empty";
    return OptionsStatus::kError;
  }
  if (options.command == "show" && options.callId.empty()) {
    error = "show needs a call id: calllog show CALL_ID";
    return OptionsStatus::kError;
  }
  if (options.command == "daily" && !options.date.empty() && !parseUtcDate(options.date)) {
    error = "--date " + options.date + " is not a date like 2026-11-24";
    return OptionsStatus::kError;
  }
  if (options.command != "verify" && !toFormat(options.command, text.format, options.format, error)) {
    return OptionsStatus::kError;
  }
  if ((options.command == "list" || options.command == "export") && !toFilter(text.filter, options.filter, error)) {
    return OptionsStatus::kError;
  }
  return OptionsStatus::kRun;
}

}  // namespace calllog
