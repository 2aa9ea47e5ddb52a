// The shared FIX message log: one file for every session, passwords masked, nothing without a path.

#include <gtest/gtest.h>
#include <quickfix/SessionID.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "gateway/fix/shared_message_log.h"

namespace gateway {
namespace fix {
namespace {

std::vector<std::string> linesOf(const std::string& path) {
  std::ifstream file(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) lines.push_back(line);
  return lines;
}

TEST(SharedMessageLog, EverySessionWritesToTheOneFileWithPasswordsMasked) {
  const std::string path = ::testing::TempDir() + "shared_message_log_test.log";
  std::remove(path.c_str());
  {
    SharedMessageLogFactory factory(path);
    FIX::Log* client = factory.create(FIX::SessionID("FIX.4.4", "BROKER", "CLIENT1"));
    FIX::Log* venue = factory.create(FIX::SessionID("FIX.4.4", "GATEWAY", "VENUE"));
    client->onIncoming("8=FIX.4.4\x01" "35=A\x01" "554=secret\x01" "10=000\x01");
    venue->onOutgoing("8=FIX.4.4\x01" "35=D\x01" "10=000\x01");
    client->onEvent("Received logon request");
    factory.destroy(client);
    factory.destroy(venue);
  }  // the factory drains its queue when destroyed
  const std::vector<std::string> lines = linesOf(path);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("FIX.4.4:BROKER->CLIENT1 IN 8=FIX.4.4|35=A|554=***|10=000|"),
            std::string::npos)
      << lines[0];
  EXPECT_EQ(lines[0].find("secret"), std::string::npos);
  EXPECT_NE(lines[1].find("FIX.4.4:GATEWAY->VENUE OUT 8=FIX.4.4|35=D|10=000|"), std::string::npos);
  EXPECT_NE(lines[2].find("FIX.4.4:BROKER->CLIENT1 EVENT Received logon request"),
            std::string::npos);
}

TEST(SharedMessageLog, WithoutAPathNothingIsWritten) {
  SharedMessageLogFactory factory("");
  std::unique_ptr<FIX::Log> log(factory.create());
  log->onIncoming("8=FIX.4.4\x01");
  log->onEvent("nothing");
}

}  // namespace
}  // namespace fix
}  // namespace gateway
