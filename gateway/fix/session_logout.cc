#include "gateway/fix/session_logout.h"

#include <thread>

namespace gateway {
namespace fix {
namespace {
constexpr std::chrono::milliseconds kPoll(10);
}  // namespace

bool logOutAndWait(const std::vector<FIX::Session*>& sessions, const std::string& reason,
                   std::chrono::milliseconds wait) {
  for (FIX::Session* session : sessions) session->logout(reason);
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (std::chrono::steady_clock::now() < deadline) {
    bool anyLoggedOn = false;
    for (FIX::Session* session : sessions) anyLoggedOn = anyLoggedOn || session->isLoggedOn();
    if (!anyLoggedOn) return true;
    std::this_thread::sleep_for(kPoll);
  }
  return false;
}

}  // namespace fix
}  // namespace gateway
