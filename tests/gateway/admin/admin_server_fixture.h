#pragma once

// A real AdminHttpServer on a free loopback port in front of FakeAdminService, with the request log
// captured.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gateway/admin/admin_http_server.h"
#include "tests/gateway/admin/fake_admin_service.h"
#include "tests/gateway/admin/http_test_client.h"

namespace gateway::testing {

class AdminServerFixture : public ::testing::Test {
 protected:
  void TearDown() override;

  // Starts the server on port 0 (fails the test if it cannot).
  void startServer(const std::string& token = "");
  unsigned short port() const { return server_->port(); }
  HttpTestClient client() const { return HttpTestClient(port()); }
  std::vector<std::string> logLines() const;

  FakeAdminService service_;
  std::unique_ptr<admin::AdminHttpServer> server_;

 private:
  mutable std::mutex logMutex_;
  std::vector<std::string> logLines_;
};

}  // namespace gateway::testing
