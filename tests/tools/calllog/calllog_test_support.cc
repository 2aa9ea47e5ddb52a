#include "tests/tools/calllog/calllog_test_support.h"

#include "store/store_writer.h"

namespace calllog_test {
namespace {

using store::testing::auditRecord;

store::JournalRecord journal(std::int64_t seq, std::int64_t timeNs, const std::string& kind) {
  return store::JournalRecord{seq, timeNs, kind, R"({"note":"test input"})"};
}

void commit(store::StoreWriter& writer, store::Batch& batch) {
  store::testing::commitOrThrow(writer, batch);
  batch.clear();
}

}  // namespace

std::string mc1CallMessage() {
  return "8=FIX.4.4\x01" "9=120\x01" "35=BA\x01" "49=GATEWAY\x01" "56=CLIENT1\x01" "1=ACC-ALPHA\x01"
         "899=MC-1\x01" "900=55000.12345678\x01" "10=042\x01";
}

void writeScenario(const std::string& path) {
  const std::unique_ptr<store::StoreWriter> writer = store::testing::openWriter(path);
  store::Batch batch;

  // MC-1: issued on an execution report, sent to two sessions, acknowledged, cured by a deposit.
  batch.journal.push_back(journal(1, at(9, 29, 59, 900), "venue_execution_report"));
  batch.audit.push_back(auditRecord(at(9, 29, 59, 900), "order_accepted", "ACC-ALPHA", "", "CLIENT1",
                                    R"({"side":"buy","quantity":"10","price":"4500.25"})", "ORD-7"));
  batch.audit.push_back(auditRecord(
      at(9, 30, 0), "call_issued", "ACC-ALPHA", "MC-1", "risk-core",
      R"({"currency":"USD","equity":"95000.5","maintenance":"100000","initial":"150000.00",)"
      R"("deficit_to_maintenance":"4999.5","amount_to_cure":"55000.12345678","health":"0.95",)"
      R"("deadline_ns":)" + std::to_string(at(10, 30, 0)) +
          R"(,"trigger":{"kind":"execution_report","reference":"EXEC-7","price":"4500.25","quantity":"10",)"
          R"("journal_seq":1}})"));
  commit(*writer, batch);
  batch.audit.push_back(auditRecord(at(9, 30, 0, 5), "call_sent", "ACC-ALPHA", "MC-1", "CLIENT1",
                                    R"({"amount_to_cure":"55000.12345678"})", "", mc1CallMessage()));
  batch.audit.push_back(auditRecord(at(9, 30, 0, 6), "call_sent", "ACC-ALPHA", "MC-1", "CLIENT2",
                                    R"({"amount_to_cure":"55000.12345678"})"));
  commit(*writer, batch);
  batch.audit.push_back(auditRecord(at(9, 31, 0, 250), "call_acknowledged", "ACC-ALPHA", "MC-1", "CLIENT1",
                                    R"({"assignment_id":"AY-1","amount":"55000.12345678","currency":"USD"})", "",
                                    "8=FIX.4.4\x01" "35=AY\x01" "10=001\x01"));
  batch.journal.push_back(journal(2, at(9, 45, 0), "admin"));
  batch.audit.push_back(auditRecord(at(9, 45, 0), "deposit", "ACC-ALPHA", "MC-1", "ops-jane",
                                    R"({"amount":"55000.12345678","reference":"WIRE 42, \"urgent\""})"));
  batch.audit.push_back(auditRecord(at(9, 45, 0, 1), "call_closed", "ACC-ALPHA", "MC-1", "risk-core",
                                    R"({"outcome":"cured_by_deposit"})"));
  commit(*writer, batch);

  // MC-2: issued on a price, escalated to liquidation, one liquidation order filled.
  batch.journal.push_back(journal(3, at(11, 0, 0), "market_data"));
  batch.audit.push_back(auditRecord(
      at(11, 0, 0), "call_issued", "ACC-BETA", "MC-2", "risk-core",
      R"({"currency":"USD","equity":"10000","maintenance":"130000","initial":"200000",)"
      R"("deficit_to_maintenance":"120000","amount_to_cure":"120000","health":null,)"
      R"("deadline_ns":)" + std::to_string(at(12, 0, 0)) +
          R"(,"trigger":{"kind":"market_data","reference":"ESZ6","price":"4401.75","quantity":"-20"}})"));
  batch.audit.push_back(auditRecord(at(11, 0, 0, 4), "call_sent", "ACC-BETA", "MC-2", "CLIENT2",
                                    R"({"amount_to_cure":"120000"})"));
  commit(*writer, batch);
  batch.audit.push_back(auditRecord(at(11, 20, 0), "call_escalated", "ACC-BETA", "MC-2", "risk-core",
                                    R"({"reason":"below the liquidation floor","state":"LIQUIDATION",)"
                                    R"("amount_to_cure":"80000","deadline_ns":)" +
                                        std::to_string(at(11, 20, 0)) + "}"));
  batch.audit.push_back(auditRecord(at(11, 20, 0, 1), "liquidation_order", "ACC-BETA", "MC-2", "gateway",
                                    R"({"symbol":"ESZ6","side":"buy","quantity":"20"})", "LIQ-MC-2-1"));
  batch.audit.push_back(auditRecord(at(11, 20, 0, 2), "order_accepted", "ACC-BETA", "", "gateway",
                                    R"({"symbol":"ESZ6","side":"buy","quantity":"20"})", "LIQ-MC-2-1",
                                    "8=FIX.4.4\x01" "35=D\x01" "11=LIQ-MC-2-1\x01" "10=002\x01"));
  batch.audit.push_back(auditRecord(at(11, 20, 0, 50), "liquidation_fill", "ACC-BETA", "MC-2", "VENUE",
                                    R"({"quantity":"20","price":"4402"})", "LIQ-MC-2-1"));
  batch.audit.push_back(auditRecord(at(11, 20, 0, 51), "fill", "ACC-BETA", "", "VENUE",
                                    R"({"quantity":"20","price":"4402"})", "LIQ-MC-2-1"));
  batch.audit.push_back(auditRecord(at(11, 20, 0, 60), "call_closed", "ACC-BETA", "MC-2", "risk-core",
                                    R"({"outcome":"liquidated"})"));
  batch.audit.push_back(auditRecord(at(11, 21, 0), "order_accepted", "ACC-BETA", "", "gateway",
                                    R"({"symbol":"ESZ6","side":"sell","quantity":"1"})", "LIQ-MC-20-1"));
  commit(*writer, batch);

  // MC-3: the next day, still open.
  batch.journal.push_back(journal(4, at(24 + 8, 0, 0), "market_data"));
  batch.audit.push_back(auditRecord(
      at(24 + 8, 0, 0), "call_issued", "ACC-ALPHA", "MC-3", "risk-core",
      R"({"currency":"USD","equity":"90000","maintenance":"100000","initial":"150000",)"
      R"("deficit_to_maintenance":"10000","amount_to_cure":"60000","health":"0.9",)"
      R"("deadline_ns":)" + std::to_string(at(24 + 9, 0, 0)) +
          R"(,"trigger":{"kind":"market_data","reference":"ESZ6","price":"4390","quantity":"10"}})"));
  batch.audit.push_back(auditRecord(at(24 + 8, 0, 0, 3), "call_sent", "ACC-ALPHA", "MC-3", "CLIENT1",
                                    R"({"amount_to_cure":"60000"})"));
  commit(*writer, batch);
}

}  // namespace calllog_test
