#pragma once

// fix-client's one FIX session: a QuickFIX SocketInitiator built from the command line (settings
// in code, MemoryStore), logged on at start and out at the end. The initiator runs in poll mode on
// the caller's thread: every wait (logon, expect, sleep, the next stdin line) keeps polling it, so
// callbacks, output and the script never race, and a logout goes out at once rather than at
// QuickFIX's next one-second tick. QuickFIX side (gnu++14).

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include <quickfix/Message.h>
#include <quickfix/MessageStore.h>
#include <quickfix/SessionID.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/SocketInitiator.h>

#include "tools/fix_client/client_application.h"
#include "tools/fix_client/client_options.h"
#include "tools/fix_client/message_file_log.h"

namespace fix_client {

// The session's settings: initiator to host:port, HeartBtInt 30, SocketNodelay=Y, reconnect every
// second, the dictionary for validation and repeating groups, ResetOnLogon=Y with --reset.
FIX::SessionSettings clientSessionSettings(const ClientOptions& options, FIX::SessionID& id);

class ClientSession {
 public:
  using Clock = std::chrono::steady_clock;

  ClientSession(const ClientOptions& options, ClientApplication& application,
                MessageFileLogFactory& logFactory);
  ~ClientSession();

  // Connects and waits for the logon (10 s). False and `error` when it is refused or times out.
  bool start(std::string& error);
  // Polls the session until `done()` is true or `deadline` passes; returns done(). After stop()
  // it only waits.
  bool pumpUntil(const std::function<bool()>& done, Clock::time_point deadline);
  // Sends a message (the session fills in the header). False and `error` when not logged on.
  bool send(FIX::Message& message, std::string& error);
  // Logs out, waits (3 s at most) for the gateway's Logout, stops the initiator. Idempotent.
  void stop();

 private:
  void pollOnce();

  const ClientOptions& options_;
  ClientApplication& application_;
  MessageFileLogFactory& logFactory_;
  FIX::MemoryStoreFactory storeFactory_;
  FIX::SessionID sessionId_;
  std::unique_ptr<FIX::SocketInitiator> initiator_;
  bool stopped_ = false;
};

}  // namespace fix_client
