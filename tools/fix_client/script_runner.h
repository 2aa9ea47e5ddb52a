#pragma once

// Executes resolved script commands against the session. QuickFIX side (gnu++14).

#include "tools/fix_client/client_application.h"
#include "tools/fix_client/client_session.h"
#include "tools/fix_client/console.h"
#include "tools/fix_client/fix_dictionary.h"
#include "tools/fix_client/received_queue.h"
#include "tools/fix_client/script_command.h"

namespace fix_client {

class ScriptRunner {
 public:
  ScriptRunner(ClientSession& session, const ClientApplication& application,
               ReceivedQueue& received, const FixDictionary& dictionary, Console& console)
      : session_(session),
        application_(application),
        received_(received),
        dictionary_(dictionary),
        console_(console) {}

  // Runs one command. kExitOk: go on; anything else: the exit code to stop with (after the
  // problem was reported on stderr with the command's file:line).
  int run(const ScriptCommand& command);

 private:
  int send(const ScriptCommand& command, FIX::Message& message);
  int expect(const ScriptCommand& command);

  ClientSession& session_;
  const ClientApplication& application_;
  ReceivedQueue& received_;
  const FixDictionary& dictionary_;
  Console& console_;
  bool loggedOut_ = false;
};

// True for the commands that send a message (order, cancel, replace, send).
bool sendsMessage(const ScriptCommand& command);

// A readable form of what an `expect` waits for: "ExecutionReport ClOrdID=A-1 ExecType=0".
std::string describeExpectation(const ScriptCommand& command, const FixDictionary& dictionary);

}  // namespace fix_client
