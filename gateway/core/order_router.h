#pragma once

// Who owns each order on its way through the gateway: the client session and its ClOrdIDs, the key
// the risk core knows it by, and the gateway's own ClOrdIDs at the venue (unique across all clients,
// so two clients may use the same ClOrdID). Owned by the risk thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gateway/bridge/messages.h"

namespace gateway::core {

// A replace or cancel request on its way to the venue.
struct PendingRequest {
  std::string clientClOrdId;  // the client's id for the request
  std::string riskKey;        // replace: the replacement's key in the risk core
  std::string venueClOrdId;   // the gateway's id for the request at the venue
  std::int64_t quantity = 0;  // replace: new total quantity
  std::int64_t price = 0;
  bool hasPrice = false;
};

struct RoutedOrder {
  std::uint64_t number = 0;
  bridge::SessionIndex session = 0;
  std::string clientClOrdId;  // the client's current id (a confirmed replace changes it)
  std::string riskKey;        // the risk core's key: "s<session>:<client ClOrdID>"
  std::string venueClOrdId;   // the gateway's current id at the venue
  std::string venueOrderId;   // the venue's OrderID, once known
  std::string account;
  std::string symbol;
  char side = '1';
  char ordType = '2';
  char timeInForce = '0';
  std::int64_t quantity = 0;
  std::int64_t price = 0;
  bool hasPrice = false;
  bool liquidation = false;  // sent by the risk core's liquidation plan, not by a client
  std::optional<PendingRequest> replace;
  std::optional<PendingRequest> cancel;
};

// What a venue ClOrdID refers to.
enum class VenueIdRole { kOrder, kReplace, kCancel };

class OrderRouter {
 public:
  static std::string riskKey(bridge::SessionIndex session, std::string_view clientClOrdId);

  // A new gateway id at the venue: "GW-<n>", never reused while the process runs.
  std::string nextVenueId();

  RoutedOrder& add(RoutedOrder order);
  RoutedOrder* findByRiskKey(std::string_view key);
  RoutedOrder* findByVenueId(std::string_view venueClOrdId, VenueIdRole* role = nullptr);

  void setReplace(RoutedOrder& order, PendingRequest request);
  void setCancel(RoutedOrder& order, PendingRequest request);
  // The venue confirmed the replace: the replacement's ids become the order's.
  void confirmReplace(RoutedOrder& order);
  void dropReplace(RoutedOrder& order);
  void dropCancel(RoutedOrder& order);
  void remove(RoutedOrder& order);

  std::size_t size() const { return orders_.size(); }

 private:
  std::uint64_t nextNumber_ = 1;
  std::uint64_t nextVenueId_ = 1;
  std::unordered_map<std::uint64_t, RoutedOrder> orders_;
  std::unordered_map<std::string, std::uint64_t> byRiskKey_;
  struct VenueRef {
    std::uint64_t number;
    VenueIdRole role;
  };
  std::unordered_map<std::string, VenueRef> byVenueId_;
};

}  // namespace gateway::core
