// The SQLite session store's cost per FIX message, in a temporary file:
//  * SendOne:    set(seq, message) + incrNextSenderMsgSeqNum(), what QuickFIX does per message sent;
//  * ReceiveOne: incrNextTargetMsgSeqNum(), what it does per message received;
// each written behind (argument 0: what the session thread pays; the commit is the database's
// thread's) and with fullSync (argument 1: committed with an fsync before the call returns);
//  * CommitBehind: the database thread's share, per message, when it commits `batch` messages
//    in one transaction (what it does every 10 ms).

#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>

#include "gateway/fix/sqlite_message_store_factory.h"

namespace {

// A 250-byte ExecutionReport-sized message.
const std::string kMessage(250, 'x');

class TempDatabase {
 public:
  TempDatabase() {
    char pattern[] = "/tmp/session_store_bench.XXXXXX";
    folder_ = ::mkdtemp(pattern);
    path_ = folder_ + "/sessions.db";
  }
  ~TempDatabase() {
    ::unlink(path_.c_str());
    ::unlink((path_ + "-wal").c_str());
    ::unlink((path_ + "-shm").c_str());
    ::unlink(gateway::fix::SqliteSessionDatabase::numbersPath(path_).c_str());
    ::rmdir(folder_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string folder_;
  std::string path_;
};

std::unique_ptr<gateway::fix::SqliteMessageStoreFactory> factory(
    const TempDatabase& database, bool fullSync,
    std::chrono::milliseconds writeInterval =
        gateway::fix::SqliteSessionDatabase::kDefaultWriteInterval) {
  gateway::fix::SqliteStoreOptions options;
  options.path = database.path();
  options.fullSync = fullSync;
  options.writeInterval = writeInterval;
  return std::unique_ptr<gateway::fix::SqliteMessageStoreFactory>(
      new gateway::fix::SqliteMessageStoreFactory(options));
}

void SendOne(benchmark::State& state) {
  TempDatabase database;
  auto stores = factory(database, state.range(0) != 0);
  FIX::MessageStore* store = stores->create(FIX::SessionID("FIX.4.4", "BROKER", "CLIENT1"));
  for (auto _ : state) {
    const int seq = store->getNextSenderMsgSeqNum();
    store->set(seq, kMessage);
    store->incrNextSenderMsgSeqNum();
  }
  stores->destroy(store);
}
BENCHMARK(SendOne)->Arg(0)->Arg(1)->ArgName("full")->UseRealTime();

void ReceiveOne(benchmark::State& state) {
  TempDatabase database;
  auto stores = factory(database, state.range(0) != 0);
  FIX::MessageStore* store = stores->create(FIX::SessionID("FIX.4.4", "BROKER", "CLIENT1"));
  for (auto _ : state) store->incrNextTargetMsgSeqNum();
  stores->destroy(store);
}
BENCHMARK(ReceiveOne)->Arg(0)->Arg(1)->ArgName("full")->UseRealTime();

void CommitBehind(benchmark::State& state) {
  TempDatabase database;
  auto stores = factory(database, false, std::chrono::hours(1));  // commits only when asked
  FIX::MessageStore* store = stores->create(FIX::SessionID("FIX.4.4", "BROKER", "CLIENT1"));
  const int batch = static_cast<int>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    for (int n = 0; n < batch; ++n) {
      const int seq = store->getNextSenderMsgSeqNum();
      store->set(seq, kMessage);
      store->incrNextSenderMsgSeqNum();
    }
    state.ResumeTiming();
    stores->flush();
  }
  state.SetItemsProcessed(state.iterations() * batch);
  stores->destroy(store);
}
BENCHMARK(CommitBehind)->Arg(1)->Arg(10)->Arg(100)->ArgName("batch")->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
