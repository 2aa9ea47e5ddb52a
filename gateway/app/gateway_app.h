#pragma once

// The whole gateway assembled: the risk configuration, the FIX engine, the gateway core on its risk
// thread, and the logs. `risk-gateway` runs one; the end-to-end tests run one in-process beside a
// venue simulator and FIX test clients. C++14-clean (no QuickFIX, no C++20), so gnu++14 code can
// own one; implemented in C++20.

#include <memory>
#include <string>

#include "gateway/core/admin_service.h"
#include "gateway/fix/fix_engine.h"

namespace gateway {
namespace app {

struct GatewayAppOptions {
  fix::FixEngineOptions fix;     // settings, port overrides, dictionary
  std::string riskConfigPath;    // fix-config/risk.toml
  std::string logDir = "logs";   // gateway.log and fix-messages.log
  // The durable state: gateway.db (journal, audit trail, call log) and sessions.db (the FIX sessions'
  // sequence numbers and sent messages). A restart on the same folder recovers everything.
  std::string dataDir = "data";
  bool fsyncEveryCommit = false; // true: an fsync per commit (durable against a power loss too)
  // true (unless fsyncEveryCommit): the risk thread records each batch in gateway.db-batches (a
  // memory-mapped log) and the store's own thread commits it to gateway.db; false: the risk thread
  // commits to gateway.db itself before it sends (only for measuring what that costs).
  bool storeWriteBehind = true;
  // false: the FIX sessions keep their sequence numbers in memory (they restart at 1 with the
  // process): only for measuring what the persistent session store costs (tools/bench).
  bool persistentSessions = true;
  int timerMillis = 200;         // how often call deadlines are checked
  // Admission control: while this many inputs wait for the risk thread, a NewOrderSingle is refused
  // at the edge with GATEWAY_BUSY (core/risk_thread.h); 0: never refused.
  std::size_t maxWaitingInputs = 10'000;
  int adminPort = 9180;          // the admin HTTP interface, on 127.0.0.1 only; 0: any free port
  std::string adminToken;        // non-empty: admin requests need "Authorization: Bearer <token>"
};

class GatewayApp {
 public:
  // Loads and validates everything; on any problem returns null with `error` saying what and where
  // (several lines when the risk configuration has several problems).
  static std::unique_ptr<GatewayApp> create(const GatewayAppOptions& options, std::string& error);
  virtual ~GatewayApp() = default;

  // Throws std::runtime_error when a port cannot be bound.
  virtual void start() = 0;
  virtual void stop() = 0;  // idempotent

  virtual std::size_t clientSessionCount() const = 0;
  virtual std::size_t accountCount() const = 0;
  virtual std::size_t instrumentCount() const = 0;
  virtual bool sequenceNumbers(const std::string& senderCompId, const std::string& targetCompId,
                               fix::SequenceNumbers& numbers) const = 0;
  // The broker's admin actions (what the admin HTTP interface serves); usable once started.
  virtual core::AdminService& admin() = 0;
  // The admin HTTP port listened on (after start).
  virtual int adminPort() const = 0;
};

}  // namespace app
}  // namespace gateway
