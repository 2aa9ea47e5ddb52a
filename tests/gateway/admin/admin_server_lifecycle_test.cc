// The admin server's life: loopback only, port 0 picks a port, start and stop idempotent, a busy
// port reported, connections kept alive between requests and closed by stop().

#include <fstream>
#include <sstream>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <gtest/gtest.h>

#include "tests/gateway/admin/admin_server_fixture.h"

namespace gateway::testing {
namespace {

// The local address (hex, as /proc/net/tcp writes it) of every listening TCP socket on `port`.
std::vector<std::string> listeningAddresses(unsigned short port) {
  std::vector<std::string> addresses;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream file(table);
    std::string line;
    std::getline(file, line);  // the heading
    while (std::getline(file, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state;
      fields >> slot >> local >> remote >> state;
      const auto colon = local.rfind(':');
      if (state != "0A" || colon == std::string::npos) continue;  // 0A: LISTEN
      if (std::stoul(local.substr(colon + 1), nullptr, 16) == port) addresses.push_back(local.substr(0, colon));
    }
  }
  return addresses;
}

class AdminServerLifecycleTest : public AdminServerFixture {};

TEST_F(AdminServerLifecycleTest, ListensOnLoopbackOnlyOnAPortOfItsChoosing) {
  startServer();
  const std::vector<std::string> expected = {"0100007F"};  // 127.0.0.1, little-endian hex
  EXPECT_EQ(listeningAddresses(port()), expected);
}

TEST_F(AdminServerLifecycleTest, StartAndStopAreIdempotentAndTheServerCanStartAgain) {
  startServer();
  std::string error;
  const unsigned short first = port();
  EXPECT_TRUE(server_->start(error));  // already running
  EXPECT_EQ(port(), first);
  server_->stop();
  server_->stop();
  EXPECT_FALSE(server_->running());
  EXPECT_EQ(server_->port(), 0);
  EXPECT_TRUE(listeningAddresses(first).empty());

  ASSERT_TRUE(server_->start(error)) << error;
  EXPECT_EQ(client().send("GET", "/accounts").status, 200);
}

TEST_F(AdminServerLifecycleTest, ABusyPortIsReportedWithTheAddress) {
  startServer();
  admin::AdminHttpServer second(service_, port());
  std::string error;
  EXPECT_FALSE(second.start(error));
  EXPECT_NE(error.find("127.0.0.1:" + std::to_string(port())), std::string::npos) << error;
  EXPECT_FALSE(second.running());
  second.stop();
}

TEST_F(AdminServerLifecycleTest, AConnectionServesSeveralRequestsWhenKeptAlive) {
  startServer();
  const std::string bytes = httpRequest("GET", "/accounts", "", {}, true) +
                            httpRequest("POST", "/accounts/ACC1/halt", "{}", {"X-Admin-User: alice"}, true) +
                            httpRequest("GET", "/accounts/ACC1", "", {}, false);
  const HttpExchange result = client().exchange(bytes, 3);
  ASSERT_TRUE(result.ok) << result.error;
  for (const HttpReply& reply : result.replies) EXPECT_EQ(reply.status, 200);
  const auto calls = service_.calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].method, "listAccounts");
  EXPECT_EQ(calls[1].method, "halt");
  EXPECT_EQ(calls[2].method, "accountStatus");
}

TEST_F(AdminServerLifecycleTest, StopClosesIdleConnections) {
  startServer();
  boost::asio::io_context context;
  boost::asio::ip::tcp::socket idle(context);
  idle.connect({boost::asio::ip::address_v4::loopback(), port()});
  server_->stop();  // returns although the connection is open and silent
  EXPECT_FALSE(server_->running());
  char byte = 0;
  boost::system::error_code ec;
  idle.read_some(boost::asio::buffer(&byte, 1), ec);  // the server's side is gone
  EXPECT_TRUE(ec);
}

}  // namespace
}  // namespace gateway::testing
