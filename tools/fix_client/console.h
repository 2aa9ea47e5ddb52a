#pragma once

// fix-client's output: message lines and what `print`/`expect` say on stdout, errors on stderr,
// one whole line at a time. C++14-clean.

#include <string>

namespace fix_client {

class Console {
 public:
  explicit Console(bool quiet) : quiet_(quiet) {}

  bool quiet() const { return quiet_; }

  // A message sent or received ("-> ...", "<- ..."); nothing with --quiet.
  void traffic(const std::string& line);
  // What `print` and `expect` say; always shown.
  void say(const std::string& line);
  // A problem, on stderr.
  void error(const std::string& line);
  // The interactive prompt: no newline, flushed.
  void prompt(const std::string& text);

 private:
  const bool quiet_;
};

}  // namespace fix_client
