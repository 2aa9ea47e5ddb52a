#include "tools/fix_client/stdin_lines.h"

#include <iostream>
#include <thread>

namespace fix_client {

StdinLines::StdinLines() : shared_(std::make_shared<Shared>()) {
  std::shared_ptr<Shared> shared = shared_;
  std::thread([shared] {
    std::string line;
    while (std::getline(std::cin, line)) {
      std::lock_guard<std::mutex> lock(shared->mutex);
      shared->lines.push_back(line);
    }
    std::lock_guard<std::mutex> lock(shared->mutex);
    shared->eof = true;
  }).detach();
}

bool StdinLines::tryTake(std::string& line, bool& ended) {
  std::lock_guard<std::mutex> lock(shared_->mutex);
  if (!shared_->lines.empty()) {
    line = std::move(shared_->lines.front());
    shared_->lines.pop_front();
    ended = false;
    return true;
  }
  ended = shared_->eof;
  return false;
}

}  // namespace fix_client
