#include "tools/venue_sim/subscriptions.h"

#include <algorithm>

namespace venue_sim {

bool Subscriptions::contains(int session, const std::string& mdReqId) const {
  return entries_.count(Key(session, mdReqId)) != 0;
}

Subscription& Subscriptions::add(const Subscription& subscription) {
  Subscription& stored = entries_[Key(subscription.session, subscription.mdReqId)];
  stored = subscription;
  return stored;
}

bool Subscriptions::remove(int session, const std::string& mdReqId) {
  return entries_.erase(Key(session, mdReqId)) != 0;
}

void Subscriptions::removeSession(int session) {
  for (auto entry = entries_.begin(); entry != entries_.end();) {
    if (entry->first.first == session) {
      entry = entries_.erase(entry);
    } else {
      ++entry;
    }
  }
}

std::vector<Subscription*> Subscriptions::forSymbol(const std::string& symbol) {
  std::vector<Subscription*> found;
  for (auto& entry : entries_) {
    const std::vector<std::string>& symbols = entry.second.symbols;
    if (std::find(symbols.begin(), symbols.end(), symbol) != symbols.end()) found.push_back(&entry.second);
  }
  return found;
}

}  // namespace venue_sim
