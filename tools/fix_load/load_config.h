#pragma once

// fix-load's whole configuration, filled from the command line (load_options.h). C++14-clean: the
// QuickFIX side (gnu++14) and the C++20 unit tests share it.

#include <cstdint>
#include <string>
#include <vector>

namespace fix_load {

enum class OrderMode {
  kIoc,             // limit IOC at --price, never crossing: New then Canceled (the default)
  kResting,         // limit Day at --price: New, then the order rests
  kCrossAlternate,  // limit IOC, buy at --cross-buy-price then sell at --cross-sell-price: fills
};

const char* orderModeName(OrderMode mode);

struct LoadConfig {
  // Sessions.
  std::string host = "127.0.0.1";
  int port = 0;
  int sessions = 1;
  std::string senderCompIdFormat = "LOAD{n}";
  std::string targetCompId = "BROKER";
  std::string passwordFormat;  // empty: no Password (554) on Logon
  std::string dictionary;      // empty: UseDataDictionary=N
  bool resetOnLogon = true;
  int logonTimeoutSeconds = 30;

  // Orders.
  std::string accountFormat = "ACC-{n}";  // empty: no Account (1)
  std::vector<std::string> symbols;
  char side = '1';                // 1 buy, 2 sell (ioc and resting modes)
  std::string price = "1";        // decimal text, sent as is
  std::string quantity = "1";     // decimal text, sent as is
  std::string crossBuyPrice;      // cross-alternate only
  std::string crossSellPrice;     // cross-alternate only
  OrderMode mode = OrderMode::kIoc;

  // Load.
  double rate = 1000;             // orders a second, in total
  std::int64_t count = 100000;    // measured orders per step
  std::int64_t warmup = 20000;    // orders before the measured ones, per step
  double drainTimeoutSeconds = 5;

  // Maximum search.
  bool findMax = false;
  std::vector<double> rates;      // explicit steps; empty: doubling from startRate, then bisection
  double startRate = 1000;
  double maxRate = 1000000;
  double resolution = 0.05;       // bisection stops when (fail - pass) / pass <= this
  double p99LimitUs = 1000;
  double minAchievedRatio = 0.98;

  // Output.
  std::string jsonPath;           // empty: no JSON file
};

}  // namespace fix_load
