#include "gateway/core/journal_codec.h"

#include <nlohmann/json.hpp>

#include "gateway/core/json_writer.h"

// Each journaled type's fields, named as its members, in one list that both directions use: the
// encoder writes them with JsonWriter (no JSON document on the risk thread), the decoder reads them
// with nlohmann::json, every field required. Chars travel as their FIX character codes.
#define GATEWAY_JOURNAL_FIELDS_ClientNewOrder(F) \
  F(session) F(clOrdId) F(account) F(symbol) F(side) F(ordType) F(timeInForce) F(quantity) F(price) F(hasPrice)
#define GATEWAY_JOURNAL_FIELDS_ClientCancel(F) F(session) F(clOrdId) F(origClOrdId) F(account) F(symbol) F(side)
#define GATEWAY_JOURNAL_FIELDS_ClientReplace(F)                                                                 \
  F(session) F(clOrdId) F(origClOrdId) F(account) F(symbol) F(side) F(ordType) F(timeInForce) F(quantity) \
  F(price) F(hasPrice)
#define GATEWAY_JOURNAL_FIELDS_ClientCollateralInquiry(F) F(session) F(inquiryId) F(subscriptionType) F(account)
#define GATEWAY_JOURNAL_FIELDS_ClientCollateralAssignment(F)                                              \
  F(session) F(assignmentId) F(callId) F(reason) F(transType) F(account) F(amount) F(hasAmount) F(currency) \
  F(text)
#define GATEWAY_JOURNAL_FIELDS_ClientPositionRequest(F) \
  F(session) F(requestId) F(requestType) F(account) F(clearingBusinessDate)
#define GATEWAY_JOURNAL_FIELDS_VenueExecution(F)                                                               \
  F(clOrdId) F(origClOrdId) F(orderId) F(execId) F(execType) F(ordStatus) F(orderQty) F(hasOrderQty) F(price) \
  F(hasPrice) F(lastQty) F(lastPx) F(leavesQty) F(cumQty) F(avgPx) F(commission) F(hasCommission)            \
  F(ordRejReason) F(text)
#define GATEWAY_JOURNAL_FIELDS_VenueCancelReject(F) \
  F(clOrdId) F(origClOrdId) F(orderId) F(ordStatus) F(responseTo) F(reason) F(text)
#define GATEWAY_JOURNAL_FIELDS_VenueMessageReject(F) F(clOrdId) F(refMsgType) F(sessionLevel) F(reason) F(text)
#define GATEWAY_JOURNAL_FIELDS_MarketDataUpdate(F) \
  F(symbol) F(bid) F(ask) F(last) F(hasBid) F(hasAsk) F(hasLast)
#define GATEWAY_JOURNAL_FIELDS_ClientSessionEvent(F) F(session) F(loggedOn)
#define GATEWAY_JOURNAL_FIELDS_VenueSessionEvent(F) F(loggedOn)
#define GATEWAY_JOURNAL_FIELDS_MarketDataSessionEvent(F) F(loggedOn)
#define GATEWAY_JOURNAL_FIELDS_AdminInput(F) \
  F(action) F(account) F(amount) F(reference) F(reason) F(user) F(configText)
#define GATEWAY_JOURNAL_FIELDS_TimerInput(F)
#define GATEWAY_JOURNAL_FIELDS_StoreStatusInput(F) F(available)
#define GATEWAY_JOURNAL_FIELDS_GenesisInput(F) F(configText) F(sessions)

#define GATEWAY_JOURNAL_WRITE(name) out.field(#name, value.name);
#define GATEWAY_JOURNAL_READ(name) payload.at(#name).get_to(value.name);
// Defined in the type's own namespace, where nlohmann finds from_json.
#define GATEWAY_JOURNAL_TYPE(Type)                                                               \
  [[maybe_unused]] inline void writeJournal(gateway::core::JsonWriter& out, const Type& value) { \
    static_cast<void>(value); /* TimerInput has no fields */                                     \
    out.beginObject();                                                                           \
    GATEWAY_JOURNAL_FIELDS_##Type(GATEWAY_JOURNAL_WRITE) out.endObject();                        \
  }                                                                                              \
  [[maybe_unused]] inline void from_json(const nlohmann::json& payload, Type& value) {           \
    static_cast<void>(value);                                                                    \
    if (!payload.is_object()) throw nlohmann::json::type_error::create(302, "not an object", &payload); \
    GATEWAY_JOURNAL_FIELDS_##Type(GATEWAY_JOURNAL_READ)                                          \
  }

namespace gateway::bridge {

GATEWAY_JOURNAL_TYPE(ClientNewOrder)
GATEWAY_JOURNAL_TYPE(ClientCancel)
GATEWAY_JOURNAL_TYPE(ClientReplace)
GATEWAY_JOURNAL_TYPE(ClientCollateralInquiry)
GATEWAY_JOURNAL_TYPE(ClientCollateralAssignment)
GATEWAY_JOURNAL_TYPE(ClientPositionRequest)
GATEWAY_JOURNAL_TYPE(VenueExecution)
GATEWAY_JOURNAL_TYPE(VenueCancelReject)
GATEWAY_JOURNAL_TYPE(VenueMessageReject)
GATEWAY_JOURNAL_TYPE(MarketDataUpdate)

}  // namespace gateway::bridge

namespace gateway::core {

GATEWAY_JOURNAL_TYPE(ClientSessionEvent)
GATEWAY_JOURNAL_TYPE(VenueSessionEvent)
GATEWAY_JOURNAL_TYPE(MarketDataSessionEvent)
GATEWAY_JOURNAL_TYPE(AdminInput)
GATEWAY_JOURNAL_TYPE(TimerInput)
GATEWAY_JOURNAL_TYPE(StoreStatusInput)
GATEWAY_JOURNAL_TYPE(GenesisInput)

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

template <std::size_t I = 0>
std::optional<JournaledInput> decodeAt(std::size_t index, const nlohmann::json& payload) {
  if constexpr (I < std::variant_size_v<JournaledInput>) {
    if (index != I) return decodeAt<I + 1>(index, payload);
    using T = std::variant_alternative_t<I, JournaledInput>;
    return JournaledInput(payload.get<T>());
  } else {
    return std::nullopt;
  }
}

}  // namespace

std::string_view journalKind(const JournaledInput& input) { return kKinds[input.index()]; }

std::string encodeJournalPayload(const JournaledInput& input) {
  std::string payload;
  payload.reserve(384);  // a venue execution, the longest frequent one, takes about 330
  JsonWriter out(payload);
  std::visit([&out](const auto& typed) { writeJournal(out, typed); }, input);
  return payload;
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
