#include "tools/venue_sim/acceptor_stopper.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace venue_sim {
namespace {

constexpr std::chrono::milliseconds kWakeInterval{10};

// A connection attempt to the port on loopback: enough traffic to end the acceptor's select().
void knock(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));  // refused once it is closed: fine
  ::close(fd);
}

}  // namespace

void stopAcceptor(FIX::SocketAcceptor& acceptor, int port, bool force) {
  std::mutex mutex;
  std::condition_variable changed;
  bool done = false;
  std::thread stopper([&] {
    acceptor.stop(force);
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
    changed.notify_all();
  });
  std::unique_lock<std::mutex> lock(mutex);
  while (!changed.wait_for(lock, kWakeInterval, [&] { return done; })) {
    lock.unlock();
    knock(port);
    lock.lock();
  }
  lock.unlock();
  stopper.join();
}

}  // namespace venue_sim
