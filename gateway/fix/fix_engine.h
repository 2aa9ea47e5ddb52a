#pragma once

// The gateway's FIX side: one QuickFIX acceptor for the client sessions, one initiator for the venue
// order session and, when configured, another for a separate market-data feed. It decodes inbound
// FIX into bridge messages for the core (rejecting malformed FIX at the edge with the FIX-standard
// reject), authenticates client logons, and sends what the core asks (bridge::Outbox).
//
// This header is C++14-clean and does not include QuickFIX: C++20 code (main, tests) can own an
// engine. Only the implementation, compiled as gnu++14, includes QuickFIX.

#include <memory>
#include <string>
#include <vector>

#include "gateway/bridge/inbox.h"
#include "gateway/bridge/message_tap.h"
#include "gateway/bridge/messages.h"
#include "gateway/bridge/outbox.h"

namespace gateway {
namespace fix {

struct FixEngineOptions {
  std::string settingsPath;  // a QuickFIX settings file (fix-config/gateway.cfg) ...
  std::string settingsText;  // ... or its text (used when settingsPath is empty)
  // Overrides of the file's ports (tests pick free ports); 0 keeps the file's value.
  int clientPort = 0;        // SocketAcceptPort of the client sessions
  int venuePort = 0;         // SocketConnectPort of the venue session
  int marketDataPort = 0;    // SocketConnectPort of the market-data session
  std::string dictionaryPath;  // overrides DataDictionary when not empty
  std::string messageLogPath;  // every FIX message in and out, one shared file; empty: none
  // Where every session (clients, venue, market data) keeps its sequence numbers and sent
  // messages: one SQLite file, created with its folder when missing, so sessions resume without
  // a reset after a restart. Empty: memory stores (numbers restart at 1 with the process).
  std::string sessionStorePath;
  bool sessionStoreFullSync = false;  // synchronous=FULL: an fsync per commit (power-loss safe)
};

struct SequenceNumbers {
  int nextSender = 0;
  int nextTarget = 0;
};

class FixEngine : public bridge::Outbox {
 public:
  // Reads and validates the settings. On a bad or missing setting returns null and sets `error`
  // to a message naming the file, the session and the key.
  static std::unique_ptr<FixEngine> create(const FixEngineOptions& options, std::string& error);

  ~FixEngine() override = default;

  // The client sessions in the settings, with their entitled accounts, by SessionIndex.
  virtual const std::vector<bridge::ClientSessionConfig>& clientSessions() const = 0;

  // Starts accepting clients and connecting to the venue; inbound traffic goes to `inbox`; the raw
  // messages about margin calls, as sent and received, to `tap` when given.
  virtual void start(bridge::Inbox& inbox, bridge::MessageTap* tap = nullptr) = 0;
  // Logs every session out and stops; idempotent.
  virtual void stop() = 0;

  // The stored sequence numbers of a session, by its comp ids as the gateway sees them
  // (sender = the gateway's id). False if there is no such session.
  virtual bool sequenceNumbers(const std::string& senderCompId, const std::string& targetCompId,
                               SequenceNumbers& numbers) const = 0;
};

}  // namespace fix
}  // namespace gateway
