#pragma once

// Helpers for calllog's tests: the store's test support (a temporary folder per test, raw SQL on a
// database file: the part of someone tampering with it, or of another connection holding a write
// transaction), and a real database of three margin calls written through store::StoreWriter.

#include <cstdint>
#include <string>

#include "tests/store/store_test_support.h"

namespace calllog_test {

using store::testing::RawDb;
using store::testing::TempFolder;

// 2026-11-24T00:00:00Z in nanoseconds: 20,781 days after the epoch x 86,400 s.
constexpr std::int64_t kDay = 1'795'478'400'000'000'000;

// kDay + h:m:s.ms
constexpr std::int64_t at(std::int64_t hours, std::int64_t minutes, std::int64_t seconds, std::int64_t millis = 0) {
  return kDay + ((hours * 60 + minutes) * 60 + seconds) * 1'000'000'000 + millis * 1'000'000;
}

// Writes, through store::StoreWriter, in several commits:
// - MC-1, ACC-ALPHA, issued 2026-11-24T09:30:00.000Z, amount to cure 55000.12345678 USD, sent to
//   CLIENT1 and CLIENT2, acknowledged, cured by a deposit at 09:45:00.001;
// - MC-2, ACC-BETA, issued 11:00:00.000, amount to cure 120000, escalated to LIQUIDATION,
//   liquidation order LIQ-MC-2-1 (with its order_accepted and fill records carrying no call id),
//   closed liquidated at 11:20:00.060; an unrelated order LIQ-MC-20-1 of ACC-BETA follows;
// - MC-3, ACC-ALPHA, issued 2026-11-25T08:00:00.000Z, sent to CLIENT1, still open.
// Throws on failure.
void writeScenario(const std::string& path);

// The FIX message the scenario records for MC-1's call_sent to CLIENT1 (SOH-delimited).
std::string mc1CallMessage();

}  // namespace calllog_test
