#include "gateway/core/order_router.h"

#include <cstdlib>
#include <utility>

namespace gateway::core {

std::string OrderRouter::riskKey(bridge::SessionIndex session, std::string_view clientClOrdId) {
  std::string key = "s" + std::to_string(session);
  key += ':';
  key += clientClOrdId;
  return key;
}

std::string OrderRouter::nextVenueId() { return "GW-" + std::to_string(nextVenueId_++); }

RoutedOrder& OrderRouter::add(RoutedOrder order) {
  order.number = nextNumber_++;
  const std::uint64_t number = order.number;
  byRiskKey_[order.riskKey] = number;
  byVenueId_[order.venueClOrdId] = {number, VenueIdRole::kOrder};
  return orders_.emplace(number, std::move(order)).first->second;
}

RoutedOrder* OrderRouter::findByRiskKey(std::string_view key) {
  const auto found = byRiskKey_.find(std::string(key));
  if (found == byRiskKey_.end()) return nullptr;
  return &orders_.at(found->second);
}

RoutedOrder* OrderRouter::findByVenueId(std::string_view venueClOrdId, VenueIdRole* role) {
  const auto found = byVenueId_.find(std::string(venueClOrdId));
  if (found == byVenueId_.end()) return nullptr;
  if (role) *role = found->second.role;
  return &orders_.at(found->second.number);
}

void OrderRouter::setReplace(RoutedOrder& order, PendingRequest request) {
  byVenueId_[request.venueClOrdId] = {order.number, VenueIdRole::kReplace};
  order.replace = std::move(request);
}

void OrderRouter::setCancel(RoutedOrder& order, PendingRequest request) {
  byVenueId_[request.venueClOrdId] = {order.number, VenueIdRole::kCancel};
  order.cancel = std::move(request);
}

void OrderRouter::confirmReplace(RoutedOrder& order) {
  if (!order.replace) std::abort();  // callers check
  PendingRequest& replace = *order.replace;
  byRiskKey_.erase(order.riskKey);
  byVenueId_.erase(order.venueClOrdId);
  order.clientClOrdId = replace.clientClOrdId;
  order.riskKey = replace.riskKey;
  order.venueClOrdId = replace.venueClOrdId;
  order.quantity = replace.quantity;
  order.price = replace.price;
  order.hasPrice = replace.hasPrice;
  byRiskKey_[order.riskKey] = order.number;
  byVenueId_[order.venueClOrdId] = {order.number, VenueIdRole::kOrder};
  order.replace.reset();
}

void OrderRouter::dropReplace(RoutedOrder& order) {
  if (!order.replace) return;
  byVenueId_.erase(order.replace->venueClOrdId);
  order.replace.reset();
}

void OrderRouter::dropCancel(RoutedOrder& order) {
  if (!order.cancel) return;
  byVenueId_.erase(order.cancel->venueClOrdId);
  order.cancel.reset();
}

void OrderRouter::remove(RoutedOrder& order) {
  dropReplace(order);
  dropCancel(order);
  byRiskKey_.erase(order.riskKey);
  byVenueId_.erase(order.venueClOrdId);
  orders_.erase(order.number);
}

}  // namespace gateway::core
