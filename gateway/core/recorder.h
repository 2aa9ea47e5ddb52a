#pragma once

// What the risk thread will write to its store, gathered in memory until the batch commits: the
// inputs the core processed (the journal, for replay after a restart) and the audit records their
// decisions produced (the audit trail and the call log). No I/O: the risk thread commits the batch
// (DurableStore) before it sends anything the batch decided.
//
// While the core replays the journal at start-up nothing is recorded (it is stored already), but
// currentInput() still names the input being replayed.

#include <cstdint>
#include <string>
#include <string_view>

#include "risk/time.h"
#include "store/records.h"

namespace gateway::core {

class Recorder {
 public:
  // lastJournalSeq: the last journal record already stored (journal seqs continue from it).
  explicit Recorder(std::int64_t lastJournalSeq = 0) : lastJournalSeq_(lastJournalSeq) {}

  // Journals one input; returns its seq.
  std::int64_t journal(std::string_view kind, std::string payload, risk::Timestamp time) {
    ++lastJournalSeq_;
    if (!replaying_) pending_.journal.push_back({lastJournalSeq_, time.nanos, std::string(kind), std::move(payload)});
    return lastJournalSeq_;
  }
  void audit(store::AuditRecord record) {
    if (!replaying_) pending_.audit.push_back(std::move(record));
  }

  // The journal seq of the input being processed (the trigger of whatever it causes).
  std::int64_t currentInput() const { return lastJournalSeq_; }

  // Replay: the next journal() call is record seq + 1.
  void setLastJournalSeq(std::int64_t seq) { lastJournalSeq_ = seq; }
  // Replay: journal() only advances the seq (to the replayed record's), nothing is kept.
  void beginReplay() { replaying_ = true; }
  void endReplay() { replaying_ = false; }
  bool replaying() const { return replaying_; }

  store::Batch& pending() { return pending_; }
  void clearPending() { pending_.clear(); }

 private:
  std::int64_t lastJournalSeq_;
  bool replaying_ = false;
  store::Batch pending_;
};

}  // namespace gateway::core
