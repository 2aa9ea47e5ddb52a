// store_bench: the cost of StoreWriter::commit() for batches of 1, 10 and 100 audit records plus as
// many journal records, of realistic sizes, with synchronous=NORMAL and with FULL (an fsync per
// commit). Writes into a temporary folder it removes afterwards.

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/store_writer.h"

namespace {

// About 330 bytes: an order decision with its numbers.
std::string auditDetail(std::int64_t n) {
  return R"({"cl_ord_id":"ORD-)" + std::to_string(n) +
         R"(","symbol":"ESZ6","side":"BUY","quantity":"5","price":"5012.25","decision":"accepted",)"
         R"("equity":"1250000.00000000","maintenance":"385375.50000000","initial":"425000.00000000",)"
         R"("initial_after":"462500.00000000","available":"787500.00000000","health":"3.24358974"})";
}

// About 250 bytes: a NewOrderSingle as it arrived.
std::string fixMessage(std::int64_t n) {
  return "8=FIX.4.4\x01" "9=178\x01" "35=D\x01" "34=" + std::to_string(n) +
         "\x01" "49=CLIENT1\x01" "52=20261124-09:30:00.123\x01" "56=GATEWAY\x01" "1=ACC-ALPHA\x01" "11=ORD-" +
         std::to_string(n) + "\x01" "21=1\x01" "38=5\x01" "40=2\x01" "44=5012.25\x01" "54=1\x01" "55=ESZ6\x01"
         "59=0\x01" "60=20261124-09:30:00.120\x01" "10=123\x01";
}

// About 200 bytes: the input as the journal replays it.
std::string journalPayload(std::int64_t n) {
  return R"({"session":"CLIENT1","account":"ACC-ALPHA","cl_ord_id":"ORD-)" + std::to_string(n) +
         R"(","symbol":"ESZ6","side":"BUY","quantity":"5","price":"5012.25","type":"LIMIT","tif":"DAY"})";
}

void commitBatch(benchmark::State& state, bool fsyncEveryCommit) {
  const auto batchSize = state.range(0);
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("store_bench_" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::string error;
  store::StoreOptions options;
  options.fsyncEveryCommit = fsyncEveryCommit;
  auto writer = store::StoreWriter::open((folder / "gateway.db").string(), options, error);
  if (!writer) {
    state.SkipWithError(error.c_str());
    return;
  }
  // Built once; each commit only renumbers the journal rows and moves the times on (the writer
  // numbers the audit rows), so the timed loop is the commit itself.
  store::Batch batch;
  for (std::int64_t i = 0; i < batchSize; ++i) {
    batch.journal.push_back({0, 1'700'000'000'000'000'000 + i, "client_new_order", journalPayload(i)});
    batch.audit.push_back({1'700'000'000'000'000'000 + i, "order_accepted", "ACC-ALPHA", "", "ORD-" + std::to_string(i),
                           "CLIENT1", auditDetail(i), fixMessage(i)});
  }
  std::int64_t journalSeq = 0;
  std::int64_t timeNs = 1'700'000'000'000'000'000;
  for (auto _ : state) {
    for (store::JournalRecord& record : batch.journal) {
      record.seq = ++journalSeq;
      record.timeNs = ++timeNs;
    }
    for (store::AuditRecord& record : batch.audit) record.timeNs = ++timeNs;
    if (auto failed = writer->commit(batch)) {
      state.SkipWithError(failed->c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * batchSize);
  writer.reset();
  std::filesystem::remove_all(folder);
}

void BM_CommitNormal(benchmark::State& state) { commitBatch(state, false); }
void BM_CommitFull(benchmark::State& state) { commitBatch(state, true); }

}  // namespace

BENCHMARK(BM_CommitNormal)->Arg(1)->Arg(10)->Arg(100)->UseRealTime();
BENCHMARK(BM_CommitFull)->Arg(1)->Arg(10)->Arg(100)->UseRealTime();

BENCHMARK_MAIN();
