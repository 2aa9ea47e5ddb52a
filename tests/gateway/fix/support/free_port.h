#pragma once

// A TCP port that nothing listens on right now: bind port 0, read the port the kernel chose,
// close. (Another process could take it before the test does; on a test machine it does not.)

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace gateway {
namespace fix {
namespace testing {

inline int freeTcpPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_ANY);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("bind() to port 0 failed");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace testing
}  // namespace fix
}  // namespace gateway
