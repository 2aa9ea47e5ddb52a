// risk-gateway's command line: a value it does not know is refused before anything starts, with the
// option named and exit code 2.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

struct Outcome {
  int exitCode = -1;
  std::string output;  // stdout and stderr
};

Outcome run(const std::string& arguments) {
  Outcome outcome;
  const std::string command = std::string(RISK_GATEWAY_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return outcome;
  std::array<char, 4096> chunk{};
  for (std::size_t n; (n = std::fread(chunk.data(), 1, chunk.size(), pipe)) > 0;) outcome.output.append(chunk.data(), n);
  const int status = pclose(pipe);
  if (WIFEXITED(status)) outcome.exitCode = WEXITSTATUS(status);
  return outcome;
}

TEST(CommandLineTest, TurnsMustBeShortOrDefault) {
  const Outcome refused = run("--turns fast");
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.output.find("--turns must be short or default, not \"fast\""), std::string::npos)
      << refused.output;
}

TEST(CommandLineTest, TheHelpDescribesTheTurns) {
  const Outcome help = run("--help");
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.output.find("--turns"), std::string::npos) << help.output;
}

}  // namespace
