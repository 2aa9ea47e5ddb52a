#pragma once

// FIX 4.4 messages the test gateway sends, with decimals written as text (never doubles), and a
// field reader that returns "" for an absent field.

#include <string>
#include <vector>

#include <quickfix/Message.h>

namespace venue_sim_test {

struct OrderFields {
  std::string clOrdId;
  std::string symbol = "AAPL";
  char side = '1';
  std::string quantity = "10";
  char ordType = '2';
  std::string price = "100";  // ignored for market orders
  char timeInForce = '0';
  std::string account = "ACC-1";
};

FIX::Message newOrder(const OrderFields& fields);
FIX::Message cancelOrder(const std::string& clOrdId, const std::string& origClOrdId, const std::string& symbol,
                         char side);
FIX::Message replaceOrder(const std::string& clOrdId, const std::string& origClOrdId, const OrderFields& fields);
FIX::Message marketDataRequest(const std::string& mdReqId, char subscriptionType,
                               const std::vector<std::string>& symbols);

std::string field(const FIX::Message& message, int tag);
std::string msgType(const FIX::Message& message);

}  // namespace venue_sim_test
