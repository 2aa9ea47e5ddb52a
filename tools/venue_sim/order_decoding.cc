#include "tools/venue_sim/order_decoding.h"

#include <quickfix/FixFieldNumbers.h>

#include "gateway/bridge/fix_decimal.h"

namespace venue_sim {
namespace {

std::string optionalField(const FIX::Message& message, int tag) {
  return message.isSetField(tag) ? message.getField(tag) : std::string();
}

// Returns an empty string on success, else the problem.
std::string decodeSide(const std::string& text, Side& side) {
  if (text == "1") {
    side = Side::kBuy;
  } else if (text == "2") {
    side = Side::kSell;
  } else {
    return "unsupported Side " + text + " (1 buy, 2 sell)";
  }
  return std::string();
}

std::string decodeOrdType(const std::string& text, OrdType& ordType) {
  if (text == "1") {
    ordType = OrdType::kMarket;
  } else if (text == "2") {
    ordType = OrdType::kLimit;
  } else {
    return "unsupported OrdType " + text + " (1 market, 2 limit)";
  }
  return std::string();
}

std::string decodeTimeInForce(const std::string& text, TimeInForce& timeInForce) {
  if (text == "0") {
    timeInForce = TimeInForce::kDay;
  } else if (text == "1") {
    timeInForce = TimeInForce::kGoodTillCancel;
  } else if (text == "3") {
    timeInForce = TimeInForce::kImmediateOrCancel;
  } else if (text == "4") {
    timeInForce = TimeInForce::kFillOrKill;
  } else {
    return "unsupported TimeInForce " + text + " (0 day, 1 GTC, 3 IOC, 4 FOK)";
  }
  return std::string();
}

std::string decodePositive(const std::string& text, const char* name, std::int64_t& raw) {
  if (!gateway::bridge::parseFixDecimal(text, raw)) {
    return std::string(name) + " '" + text + "' is not a decimal with at most 8 places";
  }
  if (raw <= 0) return std::string(name) + " must be positive";
  return std::string();
}

}  // namespace

NewOrderRequest decodeNewOrder(const FIX::Message& message) {
  NewOrderRequest request;
  request.clOrdId = message.getField(FIX::FIELD::ClOrdID);
  request.symbol = message.getField(FIX::FIELD::Symbol);
  request.account = optionalField(message, FIX::FIELD::Account);
  const std::string side = message.getField(FIX::FIELD::Side);
  const std::string ordType = message.getField(FIX::FIELD::OrdType);
  const std::string quantity = message.getField(FIX::FIELD::OrderQty);

  std::string problem = decodeSide(side, request.side);
  int reason = kRejectUnsupportedCharacteristic;
  if (problem.empty()) problem = decodeOrdType(ordType, request.ordType);
  if (problem.empty() && message.isSetField(FIX::FIELD::TimeInForce)) {
    problem = decodeTimeInForce(message.getField(FIX::FIELD::TimeInForce), request.timeInForce);
  }
  if (problem.empty()) {
    problem = decodePositive(quantity, "OrderQty", request.orderQty);
    reason = kRejectIncorrectQuantity;
  }
  if (problem.empty() && request.ordType == OrdType::kLimit) {
    reason = kRejectOther;
    if (!message.isSetField(FIX::FIELD::Price)) {
      problem = "a limit order needs a Price";
    } else {
      problem = decodePositive(message.getField(FIX::FIELD::Price), "Price", request.price);
    }
  }
  if (!problem.empty()) {
    request.rejectReason = reason;
    request.rejectText = problem;
  }
  return request;
}

CancelRequest decodeCancel(const FIX::Message& message) {
  CancelRequest request;
  request.clOrdId = message.getField(FIX::FIELD::ClOrdID);
  request.origClOrdId = message.getField(FIX::FIELD::OrigClOrdID);
  request.symbol = optionalField(message, FIX::FIELD::Symbol);
  return request;
}

ReplaceRequest decodeReplace(const FIX::Message& message) {
  ReplaceRequest request;
  request.clOrdId = message.getField(FIX::FIELD::ClOrdID);
  request.origClOrdId = message.getField(FIX::FIELD::OrigClOrdID);
  request.symbol = message.getField(FIX::FIELD::Symbol);
  std::string problem = decodeSide(message.getField(FIX::FIELD::Side), request.side);
  if (problem.empty() && message.isSetField(FIX::FIELD::OrdType)) {
    request.hasOrdType = true;
    problem = decodeOrdType(message.getField(FIX::FIELD::OrdType), request.ordType);
  }
  if (problem.empty() && message.isSetField(FIX::FIELD::TimeInForce)) {
    request.hasTimeInForce = true;
    problem = decodeTimeInForce(message.getField(FIX::FIELD::TimeInForce), request.timeInForce);
  }
  if (problem.empty()) {
    problem = decodePositive(message.getField(FIX::FIELD::OrderQty), "OrderQty", request.orderQty);
  }
  if (problem.empty() && message.isSetField(FIX::FIELD::Price) &&
      !(request.hasOrdType && request.ordType == OrdType::kMarket)) {
    request.hasPrice = true;
    problem = decodePositive(message.getField(FIX::FIELD::Price), "Price", request.price);
  }
  if (!problem.empty()) {
    request.rejectReason = kCxlRejectOther;
    request.rejectText = problem;
  }
  return request;
}

}  // namespace venue_sim
