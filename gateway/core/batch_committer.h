#pragma once

// What the risk thread does at the end of every batch of inputs: adds the raw FIX messages tapped
// since the last batch to the audit trail, commits everything the batch recorded (journal and audit
// records, one transaction: a group commit), and only then sends what the batch decided.
//
// If the commit fails (disk full, database locked or read-only) the gateway raises an alarm in its
// log, refuses risk-increasing orders from then on (STORE_UNAVAILABLE), keeps the records in memory
// and retries them at most every kRetryPeriod (the timer makes a batch at least every period); the messages
// already decided are still sent, so risk-reducing orders, cancels and calls keep flowing. When a
// commit succeeds again, risk-increasing orders are accepted again. Nothing recorded is dropped.

#include <functional>
#include <vector>

#include "gateway/bridge/inbox.h"
#include "gateway/core/business_log.h"
#include "gateway/core/deferred_outbox.h"
#include "gateway/core/durable_store.h"
#include "gateway/core/gateway_core.h"
#include "gateway/core/recorder.h"
#include "gateway/core/tapped_messages.h"

namespace gateway::core {

class BatchCommitter {
 public:
  static constexpr risk::Duration kRetryPeriod = risk::Duration::fromMillis(100);

  // `inbox` receives what the venue session would not take, as VenueMessageRejects (next batch).
  BatchCommitter(GatewayCore& core, Recorder& recorder, DurableStore& store, DeferredOutbox& outbox,
                 BusinessLog& log, bridge::Inbox& inbox)
      : core_(core), recorder_(recorder), store_(store), outbox_(outbox), log_(log), inbox_(inbox) {}

  void commitAndSend(risk::Timestamp now);
  // Runs `action` once the current batch's commit has been attempted (on the risk thread).
  void afterCommit(std::function<void()> action) { afterCommit_.push_back(std::move(action)); }

  bool storeAvailable() const { return storeAvailable_; }
  TappedMessages& tap() { return tap_; }
  std::uint64_t commits() const { return commits_; }
  std::uint64_t failedCommits() const { return failedCommits_; }

 private:
  GatewayCore& core_;
  Recorder& recorder_;
  DurableStore& store_;
  DeferredOutbox& outbox_;
  BusinessLog& log_;
  bridge::Inbox& inbox_;
  TappedMessages tap_;
  std::vector<bridge::TappedFixMessage> tapped_;
  std::vector<std::function<void()>> afterCommit_;
  bool storeAvailable_ = true;
  risk::Timestamp lastFailure_;
  std::uint64_t commits_ = 0;
  std::uint64_t failedCommits_ = 0;
};

}  // namespace gateway::core
