#include "tools/fix_client/console.h"

#include <iostream>

namespace fix_client {

void Console::traffic(const std::string& line) {
  if (!quiet_) say(line);
}

void Console::say(const std::string& line) { std::cout << line << std::endl; }

void Console::error(const std::string& line) {
  std::cout.flush();
  std::cerr << line << std::endl;
}

void Console::prompt(const std::string& text) { std::cout << text << std::flush; }

}  // namespace fix_client
