#pragma once

// Starts a VenueSimulator on a free port and a TestGateway logged on to it; waits, never sleeps.

#include <cstdint>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "tests/tools/venue_sim/order_messages.h"
#include "tests/tools/venue_sim/test_gateway.h"
#include "tools/venue_sim/venue_simulator.h"

namespace venue_sim_test {

// Raw 1e-8 count of a decimal written in a test.
std::int64_t raw(const std::string& decimal);

class VenueFixture : public ::testing::Test {
 public:
  // A venue on a free port, validating with the gateway's dictionary, one session VENUE<->GATEWAY.
  static venue_sim::VenueConfig baseConfig();

 protected:
  void startVenue(const venue_sim::VenueConfig& config);
  void TearDown() override;

  // The first ExecutionReport for `clOrdId` with ExecType `execType` (fails the test after a timeout).
  FIX::Message waitReport(const std::string& clOrdId, char execType);
  FIX::Message waitType(const std::string& type);
  // Every ExecutionReport received so far for `clOrdId`, oldest first.
  std::vector<FIX::Message> reportsFor(const std::string& clOrdId) const;

  std::unique_ptr<venue_sim::VenueSimulator> venue_;
  std::unique_ptr<TestGateway> gateway_;
};

}  // namespace venue_sim_test
