#pragma once

// The real `risk-gateway` executable as a child process for the crash-recovery tests: start it, send
// it a signal (SIGKILL, SIGTERM), wait for its end; and its admin HTTP interface on 127.0.0.1.
// C++14-clean (the tests that use it include QuickFIX); implemented in C++20.

#include <chrono>
#include <string>
#include <vector>

namespace gateway {
namespace testing {

class GatewayProcess {
 public:
  // `outputPath`: the child's stdout and stderr are appended there.
  GatewayProcess(std::string binary, std::vector<std::string> arguments, std::string outputPath);
  ~GatewayProcess();  // a child still running is killed (SIGKILL) and reaped
  GatewayProcess(const GatewayProcess&) = delete;
  GatewayProcess& operator=(const GatewayProcess&) = delete;

  // Starts the binary; false with `error` when it cannot start. Starts again after an exit.
  bool start(std::string& error);
  // Sends `signal` to the child (nothing when it is not running).
  void signal(int signal);
  // Waits until the child has exited; true with its wait status (see waitpid) when it did in time.
  bool waitExit(std::chrono::milliseconds timeout, int& status);
  bool running();
  int pid() const { return pid_; }

 private:
  std::string binary_;
  std::vector<std::string> arguments_;
  std::string outputPath_;
  int pid_ = -1;
};

struct AdminAnswer {
  int status = 0;    // 0: no answer (nothing listening, or a timeout); the reason is in `body`
  std::string body;  // JSON
};

AdminAnswer adminGet(int port, const std::string& target);
AdminAnswer adminPost(int port, const std::string& target, const std::string& jsonBody, const std::string& user);

}  // namespace testing
}  // namespace gateway
