#include "gateway/app/gateway_admin_service.h"

#include <nlohmann/json.hpp>

#include <future>
#include <memory>

#include "gateway/config/risk_config_loader.h"
#include "risk/event_text.h"

namespace gateway::app {
namespace {

using nlohmann::json;

core::AdminResult answer(int status, const json& body) { return {status, body.dump()}; }

core::AdminResult failure(int status, const std::string& code, const std::string& message) {
  return answer(status, json{{"ok", false}, {"code", code}, {"message", message}});
}

std::string text(risk::Money value) { return value.toString(); }

json snapshotJson(const risk::MarginSnapshot& s) {
  return json{{"cash", text(s.cash)},
              {"unrealized", text(s.unrealized)},
              {"equity", text(s.equity)},
              {"maintenance", text(s.maintenance)},
              {"initial", text(s.initial)},
              {"openOrderMargin", text(s.openOrderInitial)},
              {"availableFunds", text(s.availableFunds)},
              {"deficitToMaintenance", text(s.deficitToMaintenance)},
              {"amountToCure", text(s.amountToCure)},
              {"health", s.healthUnbounded ? json(nullptr) : json(s.health.toString())}};
}

json reportJson(const risk::AccountReport& report, std::size_t pendingNotices) {
  json positions = json::array();
  for (const risk::PositionReport& p : report.positions) {
    positions.push_back(json{{"symbol", p.symbol},
                             {"quantity", p.quantity.toString()},
                             {"averagePrice", p.averagePrice.toString()},
                             {"mark", p.mark ? json(p.mark->toString()) : json(nullptr)},
                             {"markStale", p.markStale},
                             {"openBuy", p.openBuy.toString()},
                             {"openSell", p.openSell.toString()},
                             {"unrealized", text(p.unrealized)},
                             {"maintenance", text(p.maintenance)},
                             {"initial", text(p.initial)},
                             {"openOrderMargin", text(p.openOrderInitial)}});
  }
  json body{{"ok", true},
            {"account", report.account},
            {"currency", report.currency},
            {"state", std::string(risk::toString(report.state))},
            {"halted", report.halted},
            {"numbers", snapshotJson(report.snapshot)},
            {"positions", positions},
            {"openOrders", report.openOrders},
            {"pendingDepositNotices", pendingNotices},
            {"ledger",
             {{"openingCash", text(report.openingCash)},
              {"deposits", text(report.deposits)},
              {"withdrawals", text(report.withdrawals)},
              {"realized", text(report.realized)},
              {"commissions", text(report.commissions)}}}};
  body["call"] = report.call ? json{{"callId", report.call->callId},
                                    {"issuedAt", risk::formatTimestamp(report.call->issuedAt)},
                                    {"deadline", risk::formatTimestamp(report.call->deadline)},
                                    {"notifiedAmountToCure", text(report.call->notifiedAmountToCure)}}
                             : json(nullptr);
  return body;
}

core::AdminResult deniedAnswer(const risk::Denial& denial) {
  const int status = denial.code() == risk::DenialCode::kUnknownAccount   ? 404
                     : denial.code() == risk::DenialCode::kInvalidAmount ? 400
                                                                         : 409;
  return failure(status, std::string(risk::toString(denial.code())), denial.format());
}

}  // namespace

GatewayAdminService::GatewayAdminService(core::GatewayCore& core, core::RiskThread& riskThread,
                                         core::BatchCommitter& committer, std::string riskConfigPath)
    : core_(core), riskThread_(riskThread), committer_(committer), riskConfigPath_(std::move(riskConfigPath)) {}

core::AdminResult GatewayAdminService::onRiskThread(const std::function<core::AdminResult(risk::Timestamp)>& work) {
  auto promise = std::make_shared<std::promise<core::AdminResult>>();
  std::future<core::AdminResult> result = promise->get_future();
  riskThread_.submit([this, promise, work](risk::Timestamp now) {
    core::AdminResult result = work(now);
    committer_.afterCommit([promise, result] { promise->set_value(result); });
  });
  return result.get();
}

core::AdminResult GatewayAdminService::moneyAction(const std::string& action, const std::string& account,
                                                   const std::string& amountText, const std::string& reference,
                                                   const core::AdminActor& actor) {
  const auto parsed = risk::Money::parse(amountText);
  if (!parsed.value) {
    return failure(400, "INVALID_AMOUNT",
                   "amount \"" + amountText + "\": " + std::string(risk::describe(parsed.error)));
  }
  const risk::Money amount = *parsed.value;
  return onRiskThread([&](risk::Timestamp now) {
    risk::Input input;
    if (action == "deposit") {
      input = risk::Deposit{now, account, amount, reference};
    } else {
      input = risk::Withdrawal{now, account, amount, reference};
    }
    const risk::Events events = core_.applyAdmin(input, actor.user, now);
    for (const risk::Event& event : events) {
      if (const auto* denied = std::get_if<risk::AdminDenied>(&event)) return deniedAnswer(denied->denial);
    }
    const auto report = core_.engine().report(account);
    json body = reportJson(*report, core_.collateral().pendingNotices(account));
    body["action"] = action;
    body["amount"] = amount.toString();
    body["reference"] = reference;
    return answer(200, body);
  });
}

core::AdminResult GatewayAdminService::confirmDeposit(const std::string& account, const std::string& amount,
                                                      const std::string& reference, const core::AdminActor& actor) {
  return moneyAction("deposit", account, amount, reference, actor);
}

core::AdminResult GatewayAdminService::withdraw(const std::string& account, const std::string& amount,
                                                const std::string& reference, const core::AdminActor& actor) {
  return moneyAction("withdrawal", account, amount, reference, actor);
}

core::AdminResult GatewayAdminService::halt(const std::string& account, const std::string& reason,
                                            const core::AdminActor& actor) {
  return onRiskThread([&](risk::Timestamp now) {
    if (!core_.engine().report(account)) return failure(404, "UNKNOWN_ACCOUNT", "no account " + account);
    core_.applyAdmin(risk::Halt{now, account, reason}, actor.user, now);
    return answer(200, reportJson(*core_.engine().report(account), core_.collateral().pendingNotices(account)));
  });
}

core::AdminResult GatewayAdminService::resume(const std::string& account, const core::AdminActor& actor) {
  return onRiskThread([&](risk::Timestamp now) {
    if (!core_.engine().report(account)) return failure(404, "UNKNOWN_ACCOUNT", "no account " + account);
    core_.applyAdmin(risk::Resume{now, account}, actor.user, now);
    return answer(200, reportJson(*core_.engine().report(account), core_.collateral().pendingNotices(account)));
  });
}

core::AdminResult GatewayAdminService::accountStatus(const std::string& account) {
  return onRiskThread([&](risk::Timestamp) {
    const auto report = core_.engine().report(account);
    if (!report) return failure(404, "UNKNOWN_ACCOUNT", "no account " + account);
    return answer(200, reportJson(*report, core_.collateral().pendingNotices(account)));
  });
}

core::AdminResult GatewayAdminService::listAccounts() {
  return onRiskThread([&](risk::Timestamp) {
    json accounts = json::array();
    for (const std::string& id : core_.engine().accountIds()) {
      const auto report = core_.engine().report(id);
      accounts.push_back(json{{"account", id},
                              {"state", std::string(risk::toString(report->state))},
                              {"halted", report->halted},
                              {"equity", text(report->snapshot.equity)},
                              {"maintenance", text(report->snapshot.maintenance)},
                              {"callId", report->call ? json(report->call->callId) : json(nullptr)}});
    }
    return answer(200, json{{"ok", true}, {"accounts", accounts}});
  });
}

core::AdminResult GatewayAdminService::reloadConfig(const core::AdminActor& actor) {
  // Reading and validating the file happens here, off the risk thread. The text is journaled with the
  // reload, so a replay applies exactly this configuration.
  const auto load = config::loadRiskConfigFile(riskConfigPath_);
  if (!load.config) {
    json problems = json::array();
    for (const auto& error : load.errors) problems.push_back(error.toString());
    return answer(400, json{{"ok", false},
                            {"code", "INVALID_CONFIG"},
                            {"message", "the risk configuration has problems; nothing changed"},
                            {"problems", problems}});
  }
  const risk::RiskConfig& config = *load.config;
  return onRiskThread([&](risk::Timestamp now) {
    const risk::Events events = core_.applyAdmin(risk::ConfigReload{now, &config}, actor.user, now, load.text);
    for (const risk::Event& event : events) {
      if (const auto* refused = std::get_if<risk::ConfigReloadRefused>(&event)) {
        return failure(409, "RELOAD_REFUSED", refused->reason);
      }
    }
    return answer(200, json{{"ok", true},
                            {"instruments", config.instruments.size()},
                            {"accounts", config.accounts.size()},
                            {"file", riskConfigPath_}});
  });
}

}  // namespace gateway::app
