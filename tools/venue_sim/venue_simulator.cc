#include "tools/venue_sim/venue_simulator.h"

#include <chrono>
#include <mutex>
#include <stdexcept>

#include <quickfix/Exceptions.h>
#include <quickfix/MessageStore.h>
#include <quickfix/SocketAcceptor.h>

#include "tools/venue_sim/acceptor_settings.h"
#include "tools/venue_sim/acceptor_stopper.h"
#include "tools/venue_sim/shared_file_log.h"
#include "tools/venue_sim/venue_core.h"

namespace venue_sim {
namespace {

// OrderIDs and ExecIDs carry the start time so that a restarted venue never repeats one.
std::string runIdPrefix() {
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  static std::mutex mutex;
  static std::uint64_t instance = 0;
  std::uint64_t value = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                       std::chrono::system_clock::now().time_since_epoch())
                                                       .count());
  {
    std::lock_guard<std::mutex> lock(mutex);
    value = value * 64 + (instance++ % 64);  // several venues in one process stay distinct
  }
  std::string text;
  do {
    text.insert(text.begin(), kDigits[value % 36]);
    value /= 36;
  } while (value != 0);
  return "VS" + text;
}

}  // namespace

struct VenueSimulator::Impl {
  explicit Impl(const VenueConfig& venueConfig) : config(venueConfig), core(venueConfig, runIdPrefix()) {}

  VenueConfig config;
  VenueCore core;
  FIX::MemoryStoreFactory storeFactory;
  std::unique_ptr<SharedFileLogFactory> logFactory;
  std::vector<std::unique_ptr<FIX::SocketAcceptor>> acceptors;
  std::vector<int> ports;  // of each acceptor
  std::mutex lifecycleMutex;
  bool started = false;
  bool stopped = false;

  void addAcceptor(int port, const std::vector<std::string>& clients, bool marketDataOnly) {
    const FIX::SessionSettings settings =
        buildAcceptorSettings(port, config.senderCompId, clients, config.dictionaryPath);
    for (const FIX::SessionID& id : settings.getSessions()) core.addSession(id, marketDataOnly);
    ports.push_back(port);
    if (logFactory) {
      acceptors.emplace_back(new FIX::SocketAcceptor(core, storeFactory, settings, *logFactory));
    } else {
      acceptors.emplace_back(new FIX::SocketAcceptor(core, storeFactory, settings));
    }
  }
};

VenueSimulator::VenueSimulator(const VenueConfig& config) {
  const std::string problem = validateConfig(config);
  if (!problem.empty()) throw std::invalid_argument(problem);
  impl_.reset(new Impl(config));
  try {
    if (!config.logFile.empty()) impl_->logFactory.reset(new SharedFileLogFactory(config.logFile));
    impl_->addAcceptor(config.port, config.clientCompIds, false);
    if (config.marketDataPort != 0) {
      impl_->addAcceptor(config.marketDataPort, std::vector<std::string>{config.marketDataClientCompId}, true);
    }
  } catch (const FIX::ConfigError& error) {
    throw std::runtime_error(std::string("QuickFIX configuration: ") + error.what());
  }
  impl_->core.attachSessions();
}

VenueSimulator::~VenueSimulator() { stop(true); }

void VenueSimulator::start() {
  std::lock_guard<std::mutex> lock(impl_->lifecycleMutex);
  if (impl_->started) throw std::logic_error("VenueSimulator::start called twice");
  impl_->started = true;
  try {
    for (auto& acceptor : impl_->acceptors) acceptor->start();
  } catch (const FIX::Exception& error) {
    for (auto& acceptor : impl_->acceptors) acceptor->stop(true);
    impl_->stopped = true;
    throw std::runtime_error(std::string("cannot start the venue: ") + error.what());
  }
}

void VenueSimulator::stop(bool force) {
  std::lock_guard<std::mutex> lock(impl_->lifecycleMutex);
  if (!impl_->started || impl_->stopped) return;
  impl_->stopped = true;
  for (std::size_t i = 0; i < impl_->acceptors.size(); ++i) {
    stopAcceptor(*impl_->acceptors[i], impl_->ports[i], force);
  }
}

bool VenueSimulator::step() { return impl_->core.step(); }

void VenueSimulator::setMarket(const std::string& symbol, std::int64_t bidRaw, std::int64_t askRaw,
                               std::int64_t lastRaw) {
  impl_->core.setMarket(symbol, bidRaw, askRaw, lastRaw);
}

bool VenueSimulator::hasScenario() const { return impl_->core.hasScenario(); }

bool VenueSimulator::nextScenarioOffsetMs(std::int64_t& offsetMs) const {
  return impl_->core.nextScenarioOffsetMs(offsetMs);
}

std::vector<VenueOrder> VenueSimulator::orders() const { return impl_->core.orders(); }

std::vector<VenueOrder> VenueSimulator::restingOrders() const { return impl_->core.restingOrders(); }

bool VenueSimulator::quote(const std::string& symbol, Quote& out) const { return impl_->core.quote(symbol, out); }

std::size_t VenueSimulator::subscriptionCount() const { return impl_->core.subscriptionCount(); }

std::vector<RecordedMessage> VenueSimulator::received() const { return impl_->core.received(); }

std::vector<RecordedMessage> VenueSimulator::sent() const { return impl_->core.sent(); }

bool VenueSimulator::isLoggedOn(const std::string& clientCompId) const {
  return impl_->core.isLoggedOn(clientCompId);
}

bool VenueSimulator::waitForLogon(const std::string& clientCompId, std::chrono::milliseconds timeout) const {
  return impl_->core.waitForLogon(clientCompId, timeout);
}

const VenueConfig& VenueSimulator::config() const { return impl_->config; }

}  // namespace venue_sim
