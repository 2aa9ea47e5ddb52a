#pragma once

// A fresh folder under the test's temporary directory, removed with everything in it at the end
// (gnu++14 tests cannot use std::filesystem).

#include <ftw.h>
#include <stdlib.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace gateway {
namespace fix {
namespace testing {

class TempFolder {
 public:
  TempFolder() {
    std::string pattern = ::testing::TempDir() + "h3-store-XXXXXX";
    if (::mkdtemp(&pattern[0]) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempFolder() {
    ::nftw(path_.c_str(), [](const char* file, const struct stat*, int, struct FTW*) {
      return ::remove(file);
    }, 16, FTW_DEPTH | FTW_PHYS);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace testing
}  // namespace fix
}  // namespace gateway
