#pragma once

// Lines from stdin, read on a background thread so that the session keeps being polled while
// nobody types. The thread is detached: it may stay blocked in a read until the process exits.
// C++14-clean, no QuickFIX.

#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace fix_client {

class StdinLines {
 public:
  StdinLines();

  // True when a line was taken into `line`. `ended` turns true once stdin is exhausted and every
  // line has been taken.
  bool tryTake(std::string& line, bool& ended);

 private:
  struct Shared {
    std::mutex mutex;
    std::deque<std::string> lines;
    bool eof = false;
  };
  std::shared_ptr<Shared> shared_;
};

}  // namespace fix_client
