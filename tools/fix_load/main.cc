// fix-load: an open-loop FIX 4.4 load generator (see README.md). Exit 0 when the run completed
// (and, with --find-max, some rate was sustained); 1 when sessions did not log on, orders were lost
// or no rate was sustained; 2 on bad usage.

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <quickfix/Exceptions.h>

#include "tools/fix_load/load_options.h"
#include "tools/fix_load/load_report.h"
#include "tools/fix_load/load_sessions.h"
#include "tools/fix_load/name_format.h"
#include "tools/fix_load/rate_search.h"
#include "tools/fix_load/step_runner.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

fix_load::StepResult runOne(fix_load::StepRunner& runner, const fix_load::LoadConfig& config, int step, double rate) {
  std::cerr << "step " << step << ": " << rate << " orders/s, " << config.warmup << " + " << config.count
            << " orders ..." << std::endl;
  fix_load::StepResult result = fix_load::computeStepResult(runner.run(step, rate));
  fix_load::SustainCriteria criteria;
  criteria.minAchievedRatio = config.minAchievedRatio;
  criteria.p99LimitUs = config.p99LimitUs;
  fix_load::judgeStep(result, criteria);
  std::cerr << "step " << step << ": p50 " << result.latency.p50Us << " us, p99 " << result.latency.p99Us
            << " us, lost " << result.lost << ": " << result.verdict << std::endl;
  return result;
}

int run(const fix_load::LoadConfig& config) {
  const std::string runTag = fix_load::makeRunTag();
  fix_load::RunSummary summary;
  summary.findMax = config.findMax;
  summary.startedAt = utcNow();

  fix_load::LoadSessions sessions(config, runTag);
  std::string error;
  const auto logonStart = std::chrono::steady_clock::now();
  if (!sessions.start(error)) {
    std::cerr << "fix-load: " << error << std::endl;
    sessions.stop();
    return kExitFailed;
  }
  summary.logonSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - logonStart).count();
  std::cerr << "fix-load: " << config.sessions << " session(s) logged on in " << summary.logonSeconds << " s"
            << std::endl;

  fix_load::StepRunner runner(config, sessions, runTag);
  if (config.findMax) {
    fix_load::RateSearch search = config.rates.empty()
                                      ? fix_load::RateSearch(config.startRate, config.maxRate, config.resolution)
                                      : fix_load::RateSearch(config.rates);
    double rate = 0;
    int step = 0;
    while (search.next(rate)) {
      summary.steps.push_back(runOne(runner, config, ++step, rate));
      search.record(rate, summary.steps.back().passed);
    }
    summary.maxSustainableRate = search.best();
  } else {
    summary.steps.push_back(runOne(runner, config, 1, config.rate));
  }
  sessions.stop();

  fix_load::printTable(std::cout, config, summary);
  if (!config.jsonPath.empty()) {
    std::ofstream json(config.jsonPath);
    json << fix_load::toJson(config, summary);
    if (!json) {
      std::cerr << "fix-load: cannot write " << config.jsonPath << std::endl;
      return kExitFailed;
    }
  }
  if (config.findMax) return summary.maxSustainableRate > 0 ? kExitOk : kExitFailed;
  const fix_load::StepResult& only = summary.steps.front();
  return only.lost == 0 && only.sendFailures == 0 ? kExitOk : kExitFailed;
}

}  // namespace

int main(int argc, char** argv) {
  const fix_load::ParsedOptions parsed = fix_load::parseOptions(std::vector<std::string>(argv + 1, argv + argc));
  switch (parsed.outcome) {
    case fix_load::ParsedOptions::Outcome::kHelp:
      std::cout << parsed.message;
      return kExitOk;
    case fix_load::ParsedOptions::Outcome::kError:
      std::cerr << "fix-load: " << parsed.message << " (see --help)" << std::endl;
      return kExitUsage;
    case fix_load::ParsedOptions::Outcome::kRun:
      break;
  }
  try {
    return run(parsed.config);
  } catch (const FIX::Exception& e) {
    std::cerr << "fix-load: " << e.what() << std::endl;
    return kExitFailed;
  }
}
