#include "tools/gatewayctl/ctl_runner.h"

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "tools/gatewayctl/answer_views.h"
#include "tools/gatewayctl/ctl_request.h"
#include "tools/gatewayctl/exit_codes.h"
#include "tools/gatewayctl/http_exchange.h"

namespace gatewayctl {
namespace {

constexpr std::size_t kShownBodyChars = 300;

int exitCodeFor(int status) {
  if (status >= 200 && status < 300) return kExitOk;
  if (status >= 400 && status < 500) return kExitRefused;
  return kExitGatewayFailed;
}

void printAnswer(std::ostream& out, const std::string& command, const nlohmann::json& answer) {
  if (command == "status") {
    printStatusView(out, answer);
  } else if (command == "accounts") {
    printAccountsView(out, answer);
  } else {
    printOutcomeView(out, command, answer);
  }
}

}  // namespace

int runCtl(const CtlOptions& options, std::ostream& out, std::ostream& err) {
  std::string error;
  const auto request = buildRequest(options, error);
  if (!request) {
    err << "gatewayctl: " << error << "\n";
    return kExitUsage;
  }
  const HttpTarget target{options.host, options.port, options.user, options.token,
                          std::chrono::seconds(options.timeoutSeconds)};
  const ExchangeResult result = exchange(target, *request);
  if (result.outcome == ExchangeOutcome::kNoConnection) {
    err << "gatewayctl: " << result.error << "\n";
    return kExitNoConnection;
  }
  if (result.outcome != ExchangeOutcome::kAnswered) {
    err << "gatewayctl: " << result.error << "\n";
    return kExitGatewayFailed;
  }
  const int code = exitCodeFor(result.status);
  if (options.json) {
    out << result.body << (result.body.empty() || result.body.back() != '\n' ? "\n" : "");
    return code;
  }
  const nlohmann::json answer = nlohmann::json::parse(result.body, nullptr, false);
  if (answer.is_discarded()) {
    err << "gatewayctl: the gateway's answer (HTTP " << result.status << ") is not JSON: "
        << result.body.substr(0, kShownBodyChars) << "\n";
    return code == kExitOk ? kExitGatewayFailed : code;
  }
  if (code == kExitOk) {
    printAnswer(out, options.command, answer);
  } else {
    printRefusalView(err, result.status, answer);
  }
  return code;
}

}  // namespace gatewayctl
