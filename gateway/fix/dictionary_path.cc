#include "gateway/fix/dictionary_path.h"

#include <sys/stat.h>

namespace gateway {
namespace fix {
namespace {

bool isRegularFile(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// "/repo/fix-config/gateway.cfg" -> "/repo/fix-config"; "gateway.cfg" -> "."; "/gateway.cfg" -> "/".
std::string folderOf(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

std::string resolveDictionaryPath(const std::string& dictionary, const std::string& settingsPath) {
  if (dictionary.empty()) return std::string();
  if (isRegularFile(dictionary)) return dictionary;
  if (dictionary[0] == '/' || settingsPath.empty()) return std::string();

  std::string folder = folderOf(settingsPath);
  // Walk up: folder, its parent, ... A relative settings path ("gateway.cfg", "a/b.cfg") stops
  // after its own folders; an absolute one stops at "/".
  while (true) {
    const std::string candidate = (folder == "/" ? "" : folder) + "/" + dictionary;
    if (isRegularFile(candidate)) return candidate;
    if (folder == "/" || folder == ".") break;
    const std::size_t slash = folder.find_last_of('/');
    if (slash == std::string::npos) break;
    folder = slash == 0 ? "/" : folder.substr(0, slash);
  }
  return std::string();
}

}  // namespace fix
}  // namespace gateway
