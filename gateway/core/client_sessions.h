#pragma once

// The gateway's client sessions as the core sees them: configuration, entitlements, logon state,
// and collateral subscriptions (CollateralInquiry with SubscriptionRequestType=1).

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/bridge/messages.h"

namespace gateway::core {

struct ClientSession {
  bridge::ClientSessionConfig config;
  bool loggedOn = false;
  // Inquiry ids subscribed to collateral reports, with the account each covers ("" = every account).
  struct Subscription {
    std::string inquiryId;
    std::string account;
  };
  std::vector<Subscription> subscriptions;
  // The last margin-call notice sent to this session, per account (CollateralDesk::noticeKey).
  std::map<std::string, std::string> callNotices;

  bool entitledTo(std::string_view account) const {
    return std::find(config.accounts.begin(), config.accounts.end(), account) != config.accounts.end();
  }
};

using ClientSessions = std::vector<ClientSession>;

}  // namespace gateway::core
