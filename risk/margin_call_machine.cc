#include "risk/margin_call_machine.h"

#include <algorithm>
#include <string>

#include "risk/liquidation_planner.h"
#include "risk/margin_calculator.h"

namespace risk {
namespace {

// Exact comparisons of equity against multiples of maintenance margin.
struct Levels {
  Wide equity = 0;
  Wide maintenance = 0;
  Wide initial = 0;

  bool hasMaintenance() const { return maintenance > 0; }
  bool below(Ratio multiple) const { return equity * kScale < multiple.wide() * maintenance; }
  bool belowMaintenance() const { return hasMaintenance() && equity < maintenance; }
  bool belowFloor(Ratio floor) const { return hasMaintenance() && below(floor); }
  bool negativeEquity() const { return hasMaintenance() && equity <= 0; }
  bool belowWarning(Ratio enter) const { return hasMaintenance() && below(enter); }
  bool aboveWarningExit(Ratio exit) const { return !hasMaintenance() || !below(exit); }
  bool atCureTarget() const { return equity >= initial; }
};

Levels levelsOf(const AccountState& account) {
  return {account.cash.wide() + account.unrealizedTotal, account.maintenanceTotal, account.initialTotal};
}

bool isFlat(const AccountState& account) {
  return std::none_of(account.positions.begin(), account.positions.end(),
                      [](const PositionState& position) { return !position.quantity.isZero(); });
}

class Evaluation {
 public:
  Evaluation(RiskState& state, AccountIndex index, const Trigger& trigger, Events& out)
      : state_(state), index_(index), account_(state.accounts[index]), trigger_(trigger), out_(out) {}

  void run() {
    const Thresholds& limits = account_.config.thresholds;
    const Levels levels = levelsOf(account_);
    switch (account_.state) {
      case MarginState::kNormal:
      case MarginState::kWarning:
        if (levels.belowMaintenance()) {
          issueCall();
          if (levels.negativeEquity()) {
            startLiquidation(EscalationReason::kNegativeEquity);
          } else if (levels.belowFloor(limits.liquidationFloor)) {
            startLiquidation(EscalationReason::kLiquidationFloor);
          }
        } else if (account_.state == MarginState::kNormal && levels.belowWarning(limits.warningEnter)) {
          changeState(MarginState::kWarning);
          out_.push_back(WarningIssued{state_.now, name(), snapshotOf(account_), trigger_});
        } else if (account_.state == MarginState::kWarning && levels.aboveWarningExit(limits.warningExit)) {
          changeState(MarginState::kNormal);
        }
        return;
      case MarginState::kCall:
        if (levels.atCureTarget()) {
          closeCall(cureOutcome());
        } else if (levels.negativeEquity()) {
          startLiquidation(EscalationReason::kNegativeEquity);
        } else if (levels.belowFloor(limits.liquidationFloor)) {
          startLiquidation(EscalationReason::kLiquidationFloor);
        } else if (state_.now >= account_.call->deadline) {
          startLiquidation(EscalationReason::kDeadlinePassed);
        } else {
          escalateIfGrown();
        }
        return;
      case MarginState::kLiquidation:
        // Cured only once its liquidation orders are done: they were sized against the position as it
        // was, and back in NORMAL the client could sell it down so that they take it through zero.
        if (levels.atCureTarget() && account_.call->liquidationOrdersOpen == 0) {
          closeCall(trigger_.kind == TriggerKind::kDeposit ? CallOutcome::kCuredByDeposit : CallOutcome::kLiquidated);
        } else if (isFlat(account_) && account_.call->liquidationOrdersOpen == 0) {
          closeCall(CallOutcome::kLiquidatedToFlat);
        } else {
          escalateIfGrown();
          planLiquidation(state_, index_, out_);
        }
        return;
    }
  }

 private:
  Name name() const { return Name(account_.config.id); }

  void changeState(MarginState to) {
    const MarginState from = account_.state;
    account_.state = to;
    out_.push_back(MarginStateChanged{state_.now, name(), from, to, snapshotOf(account_), trigger_});
  }

  void issueCall() {
    CallState call;
    call.id = CallId("MC-" + std::to_string(state_.nextCallNumber++));
    call.issuedAt = state_.now;
    call.deadline = state_.now + account_.config.thresholds.callGracePeriod;
    const MarginSnapshot snapshot = snapshotOf(account_);
    call.notifiedAmountToCure = snapshot.amountToCure;
    // Liquidation orders and cancels of an earlier call may still be working on the same positions:
    // the new call waits for them as for its own (else their ends would be counted against its own).
    for (const auto& [id, order] : state_.orders) {
      if (order.account != index_) continue;
      if (order.liquidation) ++call.liquidationOrdersOpen;
      if (order.cancelByLiquidation) ++call.cancelsOpen;
    }
    account_.call = call;
    state_.openCalls.push_back(index_);
    changeState(MarginState::kCall);
    out_.push_back(CallIssued{state_.now, call.id, name(), snapshot, call.deadline, trigger_});
  }

  void startLiquidation(EscalationReason reason) {
    changeState(MarginState::kLiquidation);
    const MarginSnapshot snapshot = snapshotOf(account_);
    account_.call->notifiedAmountToCure = snapshot.amountToCure;
    out_.push_back(CallEscalated{state_.now, account_.call->id, name(), reason, MarginState::kLiquidation, snapshot,
                                 account_.call->deadline, trigger_});
    // Already flat (the client closed everything at a loss during the call): nothing to liquidate, and
    // no later input would re-evaluate an account that holds nothing. End it as the LIQUIDATION state would.
    if (isFlat(account_) && account_.call->liquidationOrdersOpen == 0) {
      closeCall(CallOutcome::kLiquidatedToFlat);
      return;
    }
    planLiquidation(state_, index_, out_);
  }

  void escalateIfGrown() {
    const MarginSnapshot snapshot = snapshotOf(account_);
    CallState& call = *account_.call;
    const Wide growth = snapshot.amountToCure.wide() - call.notifiedAmountToCure.wide();
    if (growth <= account_.config.thresholds.escalationStep.wide()) return;
    call.notifiedAmountToCure = snapshot.amountToCure;
    out_.push_back(CallEscalated{state_.now, call.id, name(), EscalationReason::kAmountGrew, account_.state, snapshot,
                                 call.deadline, trigger_});
  }

  CallOutcome cureOutcome() const {
    switch (trigger_.kind) {
      case TriggerKind::kDeposit: return CallOutcome::kCuredByDeposit;
      case TriggerKind::kFill: return CallOutcome::kCuredByFills;
      case TriggerKind::kReload: return CallOutcome::kCuredByReload;
      default: return CallOutcome::kCuredByPrices;
    }
  }

  void closeCall(CallOutcome outcome) {
    const CallId id = account_.call->id;
    account_.call.reset();
    std::vector<AccountIndex>& open = state_.openCalls;
    open.erase(std::remove(open.begin(), open.end(), index_), open.end());
    const Levels levels = levelsOf(account_);
    changeState(levels.belowWarning(account_.config.thresholds.warningEnter) ? MarginState::kWarning
                                                                            : MarginState::kNormal);
    out_.push_back(CallClosed{state_.now, id, name(), outcome, snapshotOf(account_), trigger_});
  }

  RiskState& state_;
  AccountIndex index_;
  AccountState& account_;
  const Trigger& trigger_;
  Events& out_;
};

}  // namespace

void evaluateAccount(RiskState& state, AccountIndex account, const Trigger& trigger, Events& out) {
  Evaluation(state, account, trigger, out).run();
}

void evaluateDeadlines(RiskState& state, Events& out) {
  const std::vector<AccountIndex> open = state.openCalls;  // evaluation may close calls
  Trigger trigger;
  trigger.kind = TriggerKind::kTimer;
  trigger.time = state.now;
  for (AccountIndex account : open) {
    if (state.accounts[account].state == MarginState::kCall) evaluateAccount(state, account, trigger, out);
  }
}

}  // namespace risk
