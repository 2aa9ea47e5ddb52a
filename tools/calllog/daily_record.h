#pragma once

// The daily margin-call record (FINRA Rule 4220 style): for each call issued on a day, the account,
// the amount required, the date issued and the date and manner met, or why not.

#include <cstdint>
#include <string>

#include "store/margin_call_summary.h"

namespace calllog {

struct DailyRow {
  std::string callId;
  std::string account;
  std::string currency;
  std::string amountRequired;  // the amount to cure at issue, as stored
  std::string dateIssued;      // YYYY-MM-DD (UTC)
  std::int64_t issuedNs = 0;
  std::string dateMet;         // YYYY-MM-DD (UTC); empty unless the call was met
  std::string mannerMet;       // "deposit", "fills", ..., "outstanding", "not met: liquidated"
};

constexpr const char* kOutstanding = "outstanding";

DailyRow dailyRow(const store::MarginCall& call);

}  // namespace calllog
