#include "tools/fix_client/script_loader.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "tools/fix_client/command_resolver.h"
#include "tools/fix_client/script_reader.h"
#include "tools/fix_client/script_runner.h"

namespace fix_client {

bool loadScript(const std::string& path, const FixDictionary& dictionary,
                std::vector<ScriptCommand>& commands, std::string& error) {
  std::ifstream file(path);
  if (!file) {
    error = "cannot read the script " + path + ": " + std::strerror(errno);
    return false;
  }
  if (!readScript(file, path, commands, error)) return false;
  bool loggedOut = false;
  for (ScriptCommand& command : commands) {
    if (!resolveCommand(command, dictionary, error)) return false;
    if (loggedOut && sendsMessage(command)) {
      error = where(command) + ": cannot send after logout";
      return false;
    }
    loggedOut = loggedOut || command.kind == CommandKind::kLogout;
  }
  return true;
}

}  // namespace fix_client
