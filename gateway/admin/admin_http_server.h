#pragma once

// The broker's admin interface over HTTP/1.1 and JSON, on 127.0.0.1 only (never another address).
// One thread serves every connection; each request calls AdminService, which answers from the risk
// thread. The routes are in gateway/admin/README.md.
//
//   AdminHttpServer server(service, kDefaultAdminPort, options);
//   std::string error;
//   if (!server.start(error)) ... // "cannot listen on 127.0.0.1:9180: Address already in use"
//   ...
//   server.stop();  // before the service (and the risk thread behind it) goes away

#include <memory>
#include <string>

#include "gateway/admin/admin_server_options.h"
#include "gateway/core/admin_service.h"

namespace gateway::admin {

class AdminHttpServer {
 public:
  // `port` 0: the system picks a free port; port() says which once started. The service must
  // outlive the server, or at least its stop().
  AdminHttpServer(core::AdminService& service, unsigned short port, AdminServerOptions options = {});
  ~AdminHttpServer();  // stops

  AdminHttpServer(const AdminHttpServer&) = delete;
  AdminHttpServer& operator=(const AdminHttpServer&) = delete;

  // Listens on 127.0.0.1 and starts the server thread. True when listening (also when already
  // started); false with `error` naming the address and the reason.
  bool start(std::string& error);
  // Closes every connection and joins the thread; a request being served finishes first. Idempotent;
  // start() may be called again afterwards. Not to be called from the request log callback.
  void stop();

  bool running() const;
  // The port listened on while running (the one chosen when constructed with 0); 0 when stopped.
  unsigned short port() const;

 private:
  class Running;

  core::AdminService& service_;
  unsigned short requestedPort_;
  AdminServerOptions options_;
  std::unique_ptr<Running> running_;
};

}  // namespace gateway::admin
