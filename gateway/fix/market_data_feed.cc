#include "gateway/fix/market_data_feed.h"

#include <quickfix/FieldNumbers.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "gateway/fix/fix_fields.h"
#include "gateway/fix/market_data_decoder.h"
#include "gateway/fix/venue_message_encoder.h"

namespace gateway {
namespace fix {
namespace {

std::string makeRequestPrefix() {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return "GW-MD-" + std::to_string(now.count()) + "-";
}

}  // namespace

MarketDataFeed::MarketDataFeed() : requestPrefix_(makeRequestPrefix()) {}

void MarketDataFeed::setCarrier(FIX::Session* carrier) {
  std::lock_guard<std::mutex> lock(mutex_);
  carrier_ = carrier;
}

bool MarketDataFeed::subscribe(const std::vector<std::string>& symbols) {
  std::lock_guard<std::mutex> lock(mutex_);
  symbols_ = symbols;
  if (carrier_ == nullptr || !carrier_->isLoggedOn()) return false;
  if (symbols_.empty()) return true;
  return sendRequestLocked();
}

void MarketDataFeed::carrierLoggedOn() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (carrier_ == nullptr || symbols_.empty()) return;
  if (!sendRequestLocked()) spdlog::warn("FIX market data: the MarketDataRequest was not sent");
}

// One request per symbol: a feed that does not know one symbol refuses that request alone
// (MarketDataRequestReject), not the whole subscription.
bool MarketDataFeed::sendRequestLocked() {
  bool sent = true;
  for (const std::string& symbol : symbols_) {
    const std::string requestId = requestPrefix_ + std::to_string(++requests_);
    FIX::Message request = encodeMarketDataRequest(requestId, {symbol});
    spdlog::info("FIX market data: requesting {} as {}", symbol, requestId);
    sent = carrier_->send(request) && sent;
  }
  return sent;
}

void MarketDataFeed::onSnapshot(const FIX::Message& message, bridge::Inbox& inbox) const {
  for (const auto& update : decodeSnapshot(message)) inbox.onMarketData(update);
}

void MarketDataFeed::onIncremental(const FIX::Message& message, bridge::Inbox& inbox) const {
  for (const auto& update : decodeIncremental(message)) inbox.onMarketData(update);
}

void MarketDataFeed::onRequestReject(const FIX::Message& message) const {
  spdlog::warn("FIX market data: request {} rejected, MDReqRejReason {}: {}",
               optionalTextAsUtf8(message, FIX::FIELD::MDReqID),
               optionalTextAsUtf8(message, FIX::FIELD::MDReqRejReason),
               optionalTextAsUtf8(message, FIX::FIELD::Text));
}

}  // namespace fix
}  // namespace gateway
