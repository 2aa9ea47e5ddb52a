#pragma once

// Market data subscriptions (SubscriptionRequestType=1), keyed by session and MDReqID.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace venue_sim {

struct Subscription {
  int session = 0;
  std::string mdReqId;
  unsigned entryMask = 0;
  std::vector<std::string> symbols;
  std::map<std::string, unsigned> sentMask;  // per symbol: entry types sent so far
};

class Subscriptions {
 public:
  bool contains(int session, const std::string& mdReqId) const;
  Subscription& add(const Subscription& subscription);
  bool remove(int session, const std::string& mdReqId);
  void removeSession(int session);
  // Every subscription that includes `symbol`, in a stable order.
  std::vector<Subscription*> forSymbol(const std::string& symbol);
  std::size_t size() const { return entries_.size(); }

 private:
  using Key = std::pair<int, std::string>;
  std::map<Key, Subscription> entries_;
};

}  // namespace venue_sim
