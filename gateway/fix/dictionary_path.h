#pragma once

// Where a session's DataDictionary file is. A path that exists as given (absolute, or relative to
// the working directory) is used as it is. A relative path that does not is looked up relative to
// the folder of the settings file, then to each folder above it, so that
// DataDictionary=fix-config/FIX44-gateway.xml in /repo/fix-config/gateway.cfg is found from any
// working directory (/repo/fix-config/fix-config/... does not exist, /repo/fix-config/... does).

#include <string>

namespace gateway {
namespace fix {

// Returns the path to use, or an empty string when no candidate exists. `settingsPath` may be
// empty (settings given as text): then only the path as given is tried.
std::string resolveDictionaryPath(const std::string& dictionary, const std::string& settingsPath);

}  // namespace fix
}  // namespace gateway
