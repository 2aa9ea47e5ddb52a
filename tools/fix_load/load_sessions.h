#pragma once

// fix-load's N client sessions: one QuickFIX SocketInitiator (one thread, select(); N sockets, not
// N threads) with settings built in code: MemoryStore without persisting sent messages, no log,
// SocketNodelay=Y, ResetOnLogon as configured. QuickFIX side (gnu++14).

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <quickfix/MessageStore.h>
#include <quickfix/Session.h>
#include <quickfix/SessionID.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/SocketInitiator.h>

#include "tools/fix_load/load_application.h"
#include "tools/fix_load/load_config.h"

namespace fix_load {

// The SessionID of each session, n = 1..N, in order.
std::vector<FIX::SessionID> loadSessionIds(const LoadConfig& config);

// The QuickFIX settings of those sessions.
FIX::SessionSettings loadSessionSettings(const LoadConfig& config, const std::vector<FIX::SessionID>& ids);

class LoadSessions {
 public:
  LoadSessions(const LoadConfig& config, const std::string& runTag);
  ~LoadSessions();

  // Starts the initiator and waits for every logon. False and `error` (naming the sessions that did
  // not log on and what they last heard) when one is missing at the timeout.
  bool start(std::string& error);
  // Logs every session out, waits (5 s at most) for the answers, stops the initiator. Idempotent.
  void stop();

  LoadApplication& application() { return *application_; }
  std::size_t size() const { return ids_.size(); }
  FIX::Session* session(std::size_t index) const { return sessions_[index]; }

 private:
  const LoadConfig& config_;
  std::vector<FIX::SessionID> ids_;
  std::vector<FIX::Session*> sessions_;
  std::unique_ptr<LoadApplication> application_;
  FIX::MemoryStoreFactory storeFactory_;
  std::unique_ptr<FIX::SocketInitiator> initiator_;
  bool running_ = false;
};

}  // namespace fix_load
