#include "tools/calllog/calllog_runner.h"

#include <chrono>
#include <fstream>

#include "store/verify.h"
#include "tools/calllog/exit_codes.h"
#include "tools/calllog/read_only_db.h"
#include "tools/calllog/time_text.h"

namespace calllog {
namespace {

std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The problem as verify words it, with its record number in front when the words do not name it.
std::string problemLine(const store::VerifyProblem& problem) {
  const std::string record = "record " + std::to_string(problem.seq);
  bool named = false;
  for (std::size_t at = problem.problem.find(record); at != std::string::npos && !named;
       at = problem.problem.find(record, at + 1)) {
    const std::size_t after = at + record.size();
    named = after == problem.problem.size() || problem.problem[after] < '0' || problem.problem[after] > '9';
  }
  return problem.seq <= 0 || named ? problem.problem : record + ": " + problem.problem;
}

int runList(const CalllogOptions& options, std::ostream& out) {
  ReadOnlyDatabase db(options.dbPath);
  ReadSnapshot snapshot(db);
  printList(out, listCalls(db, options.filter), options.format);
  return kExitOk;
}

int runShow(const CalllogOptions& options, std::ostream& out, std::ostream& err) {
  ReadOnlyDatabase db(options.dbPath);
  ReadSnapshot snapshot(db);
  const std::optional<store::MarginCall> call = findCall(db, options.callId);
  if (!call) {
    err << "calllog: no margin call " << options.callId << " in " << options.dbPath << "\n";
    return kExitProblems;
  }
  printCall(out, CallWithTimeline{*call, callTimeline(db, *call)}, options.format);
  return kExitOk;
}

int runDaily(const CalllogOptions& options, std::ostream& out) {
  const std::int64_t dayStart = options.date.empty() ? utcDayStart(nowNs()) : *parseUtcDate(options.date);
  CallFilter filter;
  filter.fromNs = dayStart;
  filter.toNs = dayStart + kNanosPerDay;
  ReadOnlyDatabase db(options.dbPath);
  ReadSnapshot snapshot(db);
  std::vector<DailyRow> rows;
  for (const store::MarginCall& call : listCalls(db, filter)) rows.push_back(dailyRow(call));
  printDaily(out, formatUtcDate(dayStart), rows, options.format);
  return kExitOk;
}

int runExport(const CalllogOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<CallWithTimeline> calls;
  {
    ReadOnlyDatabase db(options.dbPath);
    ReadSnapshot snapshot(db);
    for (store::MarginCall& call : listCalls(db, options.filter)) {
      std::vector<store::AuditLogRow> timeline =
          options.format == Format::kJson ? callTimeline(db, call) : std::vector<store::AuditLogRow>();
      calls.push_back(CallWithTimeline{std::move(call), std::move(timeline)});
    }
  }
  if (options.outputPath.empty()) {
    printExport(out, calls, options.format);
    return kExitOk;
  }
  std::ofstream file(options.outputPath, std::ios::binary | std::ios::trunc);
  if (file) printExport(file, calls, options.format);
  file.close();
  if (!file) {
    err << "calllog: cannot write " << options.outputPath << "\n";
    return kExitUsage;
  }
  err << "calllog: wrote " << calls.size() << " calls to " << options.outputPath << "\n";
  return kExitOk;
}

int runVerify(const CalllogOptions& options, std::ostream& out, std::ostream& err) {
  { ReadOnlyDatabase check(options.dbPath); }  // a clear message for a missing or foreign file
  const store::VerifyResult result = store::verifyStore(options.dbPath);
  if (!result.error.empty()) {
    err << "calllog: cannot verify " << options.dbPath << ": " << result.error << "\n";
    return kExitUsage;
  }
  if (result.ok()) {
    out << "OK: " << result.records << " records, " << result.calls << " calls verified\n";
    return kExitOk;
  }
  for (const store::VerifyProblem& problem : result.problems) out << problemLine(problem) << "\n";
  out << "FAILED: " << result.problems.size() << (result.problems.size() == 1 ? " problem" : " problems") << " in "
      << result.records << " records, " << result.calls << " calls\n";
  return kExitProblems;
}

}  // namespace

int runCalllog(const CalllogOptions& options, std::ostream& out, std::ostream& err) {
  try {
    if (options.command == "list") return runList(options, out);
    if (options.command == "show") return runShow(options, out, err);
    if (options.command == "daily") return runDaily(options, out);
    if (options.command == "export") return runExport(options, out, err);
    if (options.command == "verify") return runVerify(options, out, err);
    err << "calllog: unknown command " << options.command << "\n";
    return kExitUsage;
  } catch (const DatabaseError& e) {
    err << "calllog: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace calllog
