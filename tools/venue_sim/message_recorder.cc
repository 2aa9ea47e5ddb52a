#include "tools/venue_sim/message_recorder.h"

namespace venue_sim {

void MessageRecorder::push(std::deque<RecordedMessage>& list, const RecordedMessage& message) {
  if (limit_ == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  list.push_back(message);
  while (list.size() > limit_) list.pop_front();
}

void MessageRecorder::recordReceived(const RecordedMessage& message) { push(received_, message); }

void MessageRecorder::recordSent(const RecordedMessage& message) { push(sent_, message); }

std::vector<RecordedMessage> MessageRecorder::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::vector<RecordedMessage>(received_.begin(), received_.end());
}

std::vector<RecordedMessage> MessageRecorder::sent() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::vector<RecordedMessage>(sent_.begin(), sent_.end());
}

}  // namespace venue_sim
