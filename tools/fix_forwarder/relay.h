#pragma once

// The forwarder's optional relay thread (--hand-over): the QuickFIX callbacks queue each message to
// be sent and return; one relay thread takes everything queued in one batch and sends it. It is the
// gateway's hand-over to its risk thread (gateway/core/risk_thread.h: the same mutex, condition
// variable and swap of the whole queue, a wake only when the queue was empty) with nothing done in
// between, so that the bench can tell what the hand-over costs apart from what the risk logic costs.

#include <quickfix/Message.h>
#include <quickfix/Session.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fix_forwarder {

class Relay {
 public:
  Relay() = default;
  ~Relay();
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;

  void start();
  // Sends what is queued, then stops; idempotent.
  void stop();

  // Queues `message` for `to`. When it cannot be sent (the session is down or QuickFIX refuses it)
  // the relay thread adds one to `failures`, which must outlive the relay.
  void push(FIX::Session* to, std::unique_ptr<FIX::Message> message, std::atomic<std::uint64_t>& failures);

  // Messages the relay thread has handed to QuickFIX and QuickFIX accepted.
  std::uint64_t sent() const { return sent_.load(); }

 private:
  struct Item {
    FIX::Session* to;
    std::unique_ptr<FIX::Message> message;
    std::atomic<std::uint64_t>* failures;
  };

  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Item> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> sent_{0};
  std::thread thread_;
};

}  // namespace fix_forwarder
