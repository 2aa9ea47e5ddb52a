#include "gateway/core/journal_codec.h"

#include <nlohmann/json.hpp>

namespace gateway::bridge {

// Field names are the structs' member names; chars travel as their FIX character codes.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ClientNewOrder, session, clOrdId, account, symbol, side, ordType, timeInForce,
                                   quantity, price, hasPrice)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ClientCancel, session, clOrdId, origClOrdId, account, symbol, side)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ClientReplace, session, clOrdId, origClOrdId, account, symbol, side, ordType,
                                   timeInForce, quantity, price, hasPrice)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ClientCollateralInquiry, session, inquiryId, subscriptionType, account)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ClientCollateralAssignment, session, assignmentId, callId, reason, transType,
                                   account, amount, hasAmount, currency, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ClientPositionRequest, session, requestId, requestType, account,
                                   clearingBusinessDate)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(VenueExecution, clOrdId, origClOrdId, orderId, execId, execType, ordStatus,
                                   orderQty, hasOrderQty, price, hasPrice, lastQty, lastPx, leavesQty, cumQty, avgPx,
                                   commission, hasCommission, ordRejReason, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(VenueCancelReject, clOrdId, origClOrdId, orderId, ordStatus, responseTo, reason,
                                   text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(VenueMessageReject, clOrdId, refMsgType, sessionLevel, reason, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MarketDataUpdate, symbol, bid, ask, last, hasBid, hasAsk, hasLast)

}  // namespace gateway::bridge

namespace gateway::core {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ClientSessionEvent, session, loggedOn)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(VenueSessionEvent, loggedOn)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MarketDataSessionEvent, loggedOn)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(AdminInput, action, account, amount, reference, reason, user, configText)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StoreStatusInput, available)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(GenesisInput, configText, sessions)

namespace {

// The kind names, in the variant's order. Stored in every journal row: never rename one.
constexpr std::string_view kKinds[] = {
    "client_new_order",    "client_cancel",      "client_replace",     "client_session",
    "venue_execution",     "venue_cancel_reject", "venue_message_reject", "venue_session",
    "market_data",         "market_data_session", "collateral_inquiry", "collateral_assignment",
    "position_request",    "admin",              "timer",              "store_status",
    "genesis",
};
static_assert(std::size(kKinds) == std::variant_size_v<JournaledInput>);

void toJson(nlohmann::json& out, const TimerInput&) { out = nlohmann::json::object(); }
template <typename T>
void toJson(nlohmann::json& out, const T& value) {
  out = value;
}

template <std::size_t I = 0>
std::optional<JournaledInput> decodeAt(std::size_t index, const nlohmann::json& payload) {
  if constexpr (I < std::variant_size_v<JournaledInput>) {
    if (index != I) return decodeAt<I + 1>(index, payload);
    using T = std::variant_alternative_t<I, JournaledInput>;
    if constexpr (std::is_same_v<T, TimerInput>) {
      return JournaledInput(TimerInput{});
    } else {
      return JournaledInput(payload.get<T>());
    }
  } else {
    return std::nullopt;
  }
}

}  // namespace

std::string_view journalKind(const JournaledInput& input) { return kKinds[input.index()]; }

std::string encodeJournalPayload(const JournaledInput& input) {
  nlohmann::json out;
  std::visit([&out](const auto& typed) { toJson(out, typed); }, input);
  return out.dump();
}

std::optional<JournaledInput> decodeJournal(std::string_view kind, std::string_view payload, std::string& error) {
  std::size_t index = 0;
  while (index < std::size(kKinds) && kKinds[index] != kind) ++index;
  if (index == std::size(kKinds)) {
    error = "unknown journal kind \"" + std::string(kind) + "\"";
    return std::nullopt;
  }
  try {
    return decodeAt(index, nlohmann::json::parse(payload));
  } catch (const nlohmann::json::exception& problem) {
    error = "journal " + std::string(kind) + " payload: " + problem.what();
    return std::nullopt;
  }
}

}  // namespace gateway::core
