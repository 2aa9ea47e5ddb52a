#include "gateway/fix/venue_application.h"

#include <quickfix/Exceptions.h>
#include <quickfix/FieldNumbers.h>
#include <quickfix/Fields.h>
#include <quickfix/Message.h>
#include <spdlog/spdlog.h>

#include "gateway/fix/fix_fields.h"
#include "gateway/fix/venue_report_decoder.h"

namespace gateway {
namespace fix {

VenueApplication::VenueApplication(const FIX::SessionID& venueSession,
                                   const FIX::SessionID* marketDataSession, MarketDataFeed& feed)
    : venue_(venueSession),
      separateMarketData_(marketDataSession != nullptr),
      marketData_(marketDataSession != nullptr ? *marketDataSession
                                              : FIX::SessionID("", "", "")),
      feed_(feed) {}

bool VenueApplication::carriesMarketData(const FIX::SessionID& id) const {
  return separateMarketData_ ? id == marketData_ : id == venue_;
}

void VenueApplication::venueChanged(bool loggedOn) {
  if (venueLoggedOn_.exchange(loggedOn) == loggedOn) return;
  spdlog::info("FIX venue session {}", loggedOn ? "logged on" : "logged out");
  if (inbox_ != nullptr) inbox_->onVenueSession(loggedOn);
}

void VenueApplication::marketDataChanged(bool loggedOn) {
  if (marketDataLoggedOn_.exchange(loggedOn) == loggedOn) return;
  if (separateMarketData_) {
    spdlog::info("FIX market-data session {}", loggedOn ? "logged on" : "logged out");
  }
  if (inbox_ != nullptr) inbox_->onMarketDataSession(loggedOn);
}

void VenueApplication::onLogon(const FIX::SessionID& id) {
  if (isVenue(id)) venueChanged(true);
  if (carriesMarketData(id)) {
    marketDataChanged(true);
    feed_.carrierLoggedOn();
  }
}

void VenueApplication::onLogout(const FIX::SessionID& id) {
  if (isVenue(id)) venueChanged(false);
  if (carriesMarketData(id)) marketDataChanged(false);
}

void VenueApplication::toApp(FIX::Message& message, const FIX::SessionID& id) throw(FIX::DoNotSend) {
  if (!isVenue(id)) return;
  const FIX::Header& header = message.getHeader();
  if (header.isSetField(FIX::FIELD::PossDupFlag) &&
      header.getField(FIX::FIELD::PossDupFlag) == "Y") {
    return;
  }
  if (!header.isSetField(FIX::FIELD::MsgSeqNum)) return;
  int msgSeqNum = 0;
  if (!FIX::IntConvertor::convert(header.getField(FIX::FIELD::MsgSeqNum), msgSeqNum)) return;
  SentMessage sent;
  sent.clOrdId = optionalTextAsUtf8(message, FIX::FIELD::ClOrdID);
  sent.msgType = header.getField(FIX::FIELD::MsgType);
  sent_.remember(msgSeqNum, sent);
}

void VenueApplication::fromAdmin(const FIX::Message& message, const FIX::SessionID& id)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  const std::string& msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  if (msgType == "5" && message.isSetField(FIX::FIELD::Text)) {
    spdlog::warn("FIX {}: Logout: {}", id.toString(), message.getField(FIX::FIELD::Text));
  }
  if (msgType != "3") return;
  if (isVenue(id)) {
    onVenueSessionReject(message);
  } else {
    spdlog::warn("FIX {}: session Reject of message {}: {}", id.toString(),
                 optionalTextAsUtf8(message, FIX::FIELD::RefSeqNum),
                 optionalTextAsUtf8(message, FIX::FIELD::Text));
  }
}

void VenueApplication::onVenueSessionReject(const FIX::Message& message) {
  // Never answered with a Reject of our own: a malformed Reject is logged and dropped.
  bridge::VenueMessageReject reject;
  try {
    reject = decodeSessionReject(message, sent_);
  } catch (const FIX::Exception& e) {
    spdlog::warn("FIX venue: undecodable session Reject ({})", e.what());
    return;
  }
  spdlog::warn("FIX venue: session Reject of {} '{}' (373={}): {}", reject.refMsgType,
               reject.clOrdId, reject.reason, reject.text);
  if (!reject.refMsgType.empty() && FIX::Message::isAdminMsgType(FIX::MsgType(reject.refMsgType))) return;
  if (inbox_ != nullptr) inbox_->onVenueMessageReject(reject);
}

void VenueApplication::fromApp(const FIX::Message& message, const FIX::SessionID& id)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
          FIX::UnsupportedMessageType) {
  if (inbox_ == nullptr) throw FIX::UnsupportedMessageType();
  const std::string& msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  if (carriesMarketData(id) || isVenue(id)) {
    if (msgType == "W") return feed_.onSnapshot(message, *inbox_);
    if (msgType == "X") return feed_.onIncremental(message, *inbox_);
    if (msgType == "Y") return feed_.onRequestReject(message);
  }
  if (!isVenue(id)) throw FIX::UnsupportedMessageType();
  if (msgType == "8") {
    inbox_->onVenueExecution(decodeExecution(message));
  } else if (msgType == "9") {
    inbox_->onVenueCancelReject(decodeCancelReject(message));
  } else if (msgType == "j") {
    const bridge::VenueMessageReject reject = decodeBusinessReject(message, sent_);
    spdlog::warn("FIX venue: BusinessMessageReject of {} '{}' (380={}): {}", reject.refMsgType,
                 reject.clOrdId, reject.reason, reject.text);
    inbox_->onVenueMessageReject(reject);
  } else {
    throw FIX::UnsupportedMessageType();
  }
}

}  // namespace fix
}  // namespace gateway
