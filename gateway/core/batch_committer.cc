#include "gateway/core/batch_committer.h"

#include <string>

namespace gateway::core {

void BatchCommitter::commitAndSend(risk::Timestamp now) {
  tap_.drain(tapped_);
  for (const bridge::TappedFixMessage& message : tapped_) core_.auditFixMessage(message);

  const bool retryDue = storeAvailable_ || now - lastFailure_ >= kRetryPeriod;
  if (!recorder_.pending().empty() && retryDue) {
    const auto problem = store_.commit(recorder_.pending());
    if (!problem) {
      recorder_.clearPending();
      ++commits_;
      if (!storeAvailable_) {
        storeAvailable_ = true;
        log_.warn("STORE_RECOVERED the store can be written again; risk-increasing orders are accepted again");
        core_.setStoreAvailable(true, now);  // journaled: committed with the next batch
      }
    } else {
      ++failedCommits_;
      lastFailure_ = now;
      if (storeAvailable_) {
        storeAvailable_ = false;
        log_.error("ALARM STORE_UNAVAILABLE " + *problem +
                   ": risk-increasing orders are refused until the store can be written; " +
                   std::to_string(recorder_.pending().journal.size() + recorder_.pending().audit.size()) +
                   " records kept in memory and retried");
        core_.setStoreAvailable(false, now);  // kept with the pending records
      }
    }
  }

  outbox_.flush([this](const bridge::VenueMessageReject& refused) { inbox_.onVenueMessageReject(refused); }, log_);

  std::vector<std::function<void()>> actions;
  actions.swap(afterCommit_);
  for (const auto& action : actions) action();
}

}  // namespace gateway::core
