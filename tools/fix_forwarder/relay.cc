#include "tools/fix_forwarder/relay.h"

#include <utility>

#include "store/background_thread.h"

namespace fix_forwarder {

Relay::~Relay() { stop(); }

void Relay::start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = false;  // a relay stopped before runs again
  }
  thread_ = std::thread([this] { run(); });
}

void Relay::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void Relay::push(FIX::Session* to, std::unique_ptr<FIX::Message> message, std::atomic<std::uint64_t>& failures) {
  bool wasEmpty = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    wasEmpty = queue_.empty();
    queue_.push_back(Item{to, std::move(message), &failures});
  }
  if (wasEmpty) wake_.notify_one();  // otherwise the relay thread is awake already or will take it with the rest
}

void Relay::run() {
  store::nameCurrentThread("relay");
  std::vector<Item> batch;
  for (;;) {
    bool stopping = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      batch.swap(queue_);
      stopping = stopping_;
    }
    for (Item& item : batch) {
      if (item.to != nullptr && item.to->isLoggedOn() && item.to->send(*item.message)) {
        sent_.fetch_add(1);
      } else {
        item.failures->fetch_add(1);
      }
    }
    batch.clear();
    if (stopping) return;
  }
}

}  // namespace fix_forwarder
