#pragma once

// A FIX 4.4 trading venue for the demo and the tests, usable in-process. QuickFIX stays behind
// this header (C++14, no QuickFIX include): construct with a VenueConfig, start(), drive prices with
// step() or setMarket(), read what happened with the queries, stop(). Every method is thread-safe.
//
// step() and setMarket() are synchronous: when they return, the market data for the change has
// been handed to QuickFIX for sending and every resting order has been matched once (its reports
// handed to QuickFIX too).

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tools/venue_sim/message_recorder.h"
#include "tools/venue_sim/venue_config.h"
#include "tools/venue_sim/venue_order.h"
#include "tools/venue_sim/venue_types.h"

namespace venue_sim {

class VenueSimulator {
 public:
  // Throws std::invalid_argument for a bad configuration and std::runtime_error when QuickFIX refuses
  // it (for example an unreadable data dictionary).
  explicit VenueSimulator(const VenueConfig& config);
  ~VenueSimulator();
  VenueSimulator(const VenueSimulator&) = delete;
  VenueSimulator& operator=(const VenueSimulator&) = delete;

  // Listens on the configured port(s); when it returns, connections are accepted. Throws
  // std::runtime_error when a port cannot be bound. Starts once.
  void start();
  // Logs every session out (waiting up to 10 s for the answers unless `force`) and stops listening.
  void stop(bool force = false);

  // The next scenario row, or one move of every random walk. False when there is nothing to play.
  bool step();
  // Sets a symbol's whole top of book (adding the symbol if it is new), then as step().
  void setMarket(const std::string& symbol, std::int64_t bidRaw, std::int64_t askRaw, std::int64_t lastRaw);
  bool hasScenario() const;
  // The offset of the next scenario row to play; false when none is left.
  bool nextScenarioOffsetMs(std::int64_t& offsetMs) const;

  std::vector<VenueOrder> orders() const;         // every accepted order, oldest first
  std::vector<VenueOrder> restingOrders() const;  // open orders in time priority
  bool quote(const std::string& symbol, Quote& out) const;
  std::size_t subscriptionCount() const;
  std::vector<RecordedMessage> received() const;  // admin and application messages, oldest first
  std::vector<RecordedMessage> sent() const;
  bool isLoggedOn(const std::string& clientCompId) const;
  bool waitForLogon(const std::string& clientCompId, std::chrono::milliseconds timeout) const;

  const VenueConfig& config() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace venue_sim
