#pragma once

// The margin-call lifecycle of one account: NORMAL, WARNING, CALL, LIQUIDATION.
//
//   NORMAL  -> WARNING      equity < warningEnter * MM              (one WarningIssued)
//   WARNING -> NORMAL       equity >= warningExit * MM              (hysteresis)
//   any     -> CALL         equity < MM                              (CallIssued: id, amounts, deadline)
//   CALL    -> LIQUIDATION  health < floor, equity <= 0, or the deadline passed uncured (CallEscalated)
//   CALL or LIQUIDATION -> NORMAL/WARNING  equity >= IM (cure target), or flat after liquidation
// Within CALL and LIQUIDATION a new CallEscalated is sent only when the amount to cure grows by
// more than the escalation step over the last amount sent.

#include "risk/events.h"
#include "risk/risk_state.h"

namespace risk {

// Re-evaluates the account after `trigger` moved it and appends what changed.
void evaluateAccount(RiskState& state, AccountIndex account, const Trigger& trigger, Events& out);

// Re-evaluates every account with an open call: deadlines pass with time alone.
void evaluateDeadlines(RiskState& state, Events& out);

}  // namespace risk
