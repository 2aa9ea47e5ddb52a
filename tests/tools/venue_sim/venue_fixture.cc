#include "tests/tools/venue_sim/venue_fixture.h"

#include <quickfix/FixFieldNumbers.h>

#include "gateway/bridge/fix_decimal.h"
#include "tests/tools/venue_sim/free_port.h"

namespace venue_sim_test {

std::int64_t raw(const std::string& decimal) {
  std::int64_t value = 0;
  if (!gateway::bridge::parseFixDecimal(decimal, value)) ADD_FAILURE() << "bad decimal in test: " << decimal;
  return value;
}

venue_sim::VenueConfig VenueFixture::baseConfig() {
  venue_sim::VenueConfig config;
  config.port = findFreePort();
  config.senderCompId = "VENUE";
  config.clientCompIds = {"GATEWAY"};
  config.dictionaryPath = VENUE_SIM_DICTIONARY;
  return config;
}

void VenueFixture::startVenue(const venue_sim::VenueConfig& config) {
  venue_.reset(new venue_sim::VenueSimulator(config));
  venue_->start();
  gateway_.reset(new TestGateway(config.port, "GATEWAY", "VENUE", VENUE_SIM_DICTIONARY));
  gateway_->start();
  ASSERT_TRUE(gateway_->waitForLogon());
  ASSERT_TRUE(venue_->waitForLogon("GATEWAY", kWaitTimeout));
}

void VenueFixture::TearDown() {
  if (gateway_) gateway_->stop();
  gateway_.reset();
  if (venue_) venue_->stop(true);
  venue_.reset();
}

FIX::Message VenueFixture::waitReport(const std::string& clOrdId, char execType) {
  FIX::Message found;
  const bool arrived = gateway_->waitFor(
      [&](const FIX::Message& message) {
        return msgType(message) == "8" && field(message, FIX::FIELD::ClOrdID) == clOrdId &&
               field(message, FIX::FIELD::ExecType) == std::string(1, execType);
      },
      found);
  EXPECT_TRUE(arrived) << "no ExecutionReport 150=" << execType << " for " << clOrdId;
  return found;
}

FIX::Message VenueFixture::waitType(const std::string& type) {
  FIX::Message found;
  const bool arrived = gateway_->waitFor([&](const FIX::Message& message) { return msgType(message) == type; }, found);
  EXPECT_TRUE(arrived) << "no message 35=" << type;
  return found;
}

std::vector<FIX::Message> VenueFixture::reportsFor(const std::string& clOrdId) const {
  std::vector<FIX::Message> reports;
  for (const FIX::Message& message : gateway_->received()) {
    if (msgType(message) == "8" && field(message, FIX::FIELD::ClOrdID) == clOrdId) reports.push_back(message);
  }
  return reports;
}

}  // namespace venue_sim_test
