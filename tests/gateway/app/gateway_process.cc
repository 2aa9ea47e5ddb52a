#include "tests/gateway/app/gateway_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/gateway/admin/http_test_client.h"
#include "tests/support/child_process.h"

extern char** environ;

namespace gateway::testing {

GatewayProcess::GatewayProcess(std::string binary, std::vector<std::string> arguments, std::string outputPath)
    : binary_(std::move(binary)), arguments_(std::move(arguments)), outputPath_(std::move(outputPath)) {}

GatewayProcess::~GatewayProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

bool GatewayProcess::start(std::string& error) {
  if (pid_ > 0) {
    error = "already running";
    return false;
  }
  std::vector<char*> argv;
  argv.push_back(binary_.data());
  for (std::string& argument : arguments_) argv.push_back(argument.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputPath_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, binary_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    error = "cannot start " + binary_;
    return false;
  }
  pid_ = pid;
  return true;
}

void GatewayProcess::signal(int signal) {
  if (pid_ > 0) ::kill(pid_, signal);
}

bool GatewayProcess::waitExit(std::chrono::milliseconds timeout, int& status) {
  if (pid_ <= 0) return false;
  if (!test_support::waitForExit(pid_, timeout, status)) return false;
  pid_ = -1;
  return true;
}

bool GatewayProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

namespace {

AdminAnswer toAnswer(const HttpReply& reply) { return AdminAnswer{reply.status, reply.body}; }

}  // namespace

AdminAnswer adminGet(int port, const std::string& target) {
  return toAnswer(HttpTestClient(static_cast<unsigned short>(port)).send("GET", target));
}

AdminAnswer adminPost(int port, const std::string& target, const std::string& jsonBody, const std::string& user) {
  return toAnswer(HttpTestClient(static_cast<unsigned short>(port))
                      .send("POST", target, jsonBody, {"X-Admin-User: " + user, "Content-Type: application/json"}));
}

}  // namespace gateway::testing
