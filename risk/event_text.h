#pragma once

// One readable line per event, for logs, the walkthrough and test failure messages. Pure
// formatting: no I/O. Amounts are exact decimals.

#include <string>

#include "risk/events.h"
#include "risk/margin_snapshot.h"

namespace risk {

std::string describe(const Event& event);
std::string describe(const MarginSnapshot& snapshot);
// "2026-11-23T14:30:00.000Z"
std::string formatTimestamp(Timestamp time);

}  // namespace risk
