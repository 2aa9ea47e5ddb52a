// fix-client: a scriptable FIX 4.4 client for trying the risk gateway by hand and for driving the
// demo scripts. See tools/fix_client/README.md.

#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "tools/fix_client/client_application.h"
#include "tools/fix_client/client_options.h"
#include "tools/fix_client/client_session.h"
#include "tools/fix_client/command_resolver.h"
#include "tools/fix_client/console.h"
#include "tools/fix_client/exit_codes.h"
#include "tools/fix_client/fix_dictionary.h"
#include "tools/fix_client/message_file_log.h"
#include "tools/fix_client/received_queue.h"
#include "tools/fix_client/script_loader.h"
#include "tools/fix_client/script_reader.h"
#include "tools/fix_client/script_runner.h"
#include "tools/fix_client/stdin_lines.h"

namespace {

using namespace fix_client;

const char* const kProgram = "fix-client: ";

int runScript(const std::vector<ScriptCommand>& commands, ScriptRunner& runner) {
  for (const ScriptCommand& command : commands) {
    const int code = runner.run(command);
    if (code != kExitOk) return code;
  }
  return kExitOk;
}

// Commands from stdin, read while the session keeps being polled. At a terminal (with a "> "
// prompt), a bad line or a failed expect is reported and the session goes on; piped, they end
// the run like in a script file.
int runStdin(ClientSession& session, ScriptRunner& runner, const FixDictionary& dictionary,
             Console& console) {
  const bool interactive = isatty(STDIN_FILENO) != 0;
  StdinLines lines;
  ScriptReader reader("<stdin>");
  while (true) {
    if (interactive) console.prompt("> ");
    std::string text;
    bool ended = false;
    session.pumpUntil([&] { return lines.tryTake(text, ended) || ended; },
                      ClientSession::Clock::time_point::max());
    if (ended) return kExitOk;
    ScriptCommand command;
    std::string error;
    ReadStatus status = reader.parseNext(text, command, error);
    if (status == ReadStatus::kBlank) continue;
    if (status == ReadStatus::kCommand && !resolveCommand(command, dictionary, error)) {
      status = ReadStatus::kError;
    }
    int code = kExitBadInput;
    if (status == ReadStatus::kError) {
      console.error(error);
    } else {
      code = runner.run(command);
      if (code == kExitOk) continue;
    }
    if (!interactive || code == kExitLogonFailed) return code;
  }
}

}  // namespace

int main(int argc, char* argv[]) {
  ClientOptions options;
  std::string error;
  switch (parseClientOptions(argc, argv, options, std::cout, error)) {
    case OptionsStatus::kHelp:
      return kExitOk;
    case OptionsStatus::kError:
      std::cerr << kProgram << error << " (see --help)" << std::endl;
      return kExitBadInput;
    case OptionsStatus::kRun:
      break;
  }

  Console console(options.quiet);
  FixDictionary dictionary;
  if (!dictionary.load(options.dictionary, error)) {
    console.error(kProgram + error);
    return kExitBadInput;
  }
  std::vector<ScriptCommand> script;
  if (!options.script.empty() && !loadScript(options.script, dictionary, script, error)) {
    console.error(kProgram + error);
    return kExitBadInput;
  }

  ReceivedQueue received;
  ClientApplication application(dictionary, console, received, options.password);
  MessageFileLogFactory logFactory(
      [&application](const std::string& event) { application.onEvent(event); });
  if (!options.logFile.empty() && !logFactory.open(options.logFile, error)) {
    console.error(kProgram + error);
    return kExitBadInput;
  }

  ClientSession session(options, application, logFactory);
  if (!session.start(error)) {
    console.error(kProgram + error);
    session.stop();
    return kExitLogonFailed;
  }
  ScriptRunner runner(session, application, received, dictionary, console);
  const int code = options.script.empty() ? runStdin(session, runner, dictionary, console)
                                          : runScript(script, runner);
  session.stop();
  return code;
}
