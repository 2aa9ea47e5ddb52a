#include "tests/gateway/admin/admin_server_fixture.h"

namespace gateway::testing {

void AdminServerFixture::TearDown() {
  if (server_) server_->stop();
}

void AdminServerFixture::startServer(const std::string& token) {
  admin::AdminServerOptions options;
  options.token = token;
  options.requestLog = [this](std::string_view line) {
    std::lock_guard lock(logMutex_);
    logLines_.emplace_back(line);
  };
  server_ = std::make_unique<admin::AdminHttpServer>(service_, 0, options);
  std::string error;
  ASSERT_TRUE(server_->start(error)) << error;
  ASSERT_NE(server_->port(), 0);
}

std::vector<std::string> AdminServerFixture::logLines() const {
  std::lock_guard lock(logMutex_);
  return logLines_;
}

}  // namespace gateway::testing
