#pragma once

// A small QuickFIX acceptor playing the gateway for fix-client's integration tests: session
// BROKER <- CLIENT1 on a free port, validated with the gateway's dictionary. It answers a
// NewOrderSingle with an ExecutionReport (ExecType=0, Text set) and a MarketDataRequest with a
// MarketDataSnapshotFullRefresh holding one entry per requested MDEntryType. With a password set,
// a Logon without it is refused with a Logout "invalid password". Compiled as gnu++14.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <quickfix/Application.h>
#include <quickfix/MessageStore.h>
#include <quickfix/SocketAcceptor.h>

namespace fix_client_test {

class TestAcceptor : public FIX::Application {
 public:
  // Starts listening; throws on failure.
  TestAcceptor(const std::string& dictionaryPath, std::string password);
  ~TestAcceptor() override;

  int port() const { return port_; }
  // Every application message received, as raw FIX text (SOH as |), oldest first.
  std::vector<std::string> received() const;
  void clearReceived();

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID&) override {}
  void onLogout(const FIX::SessionID&) override {}
  void toAdmin(FIX::Message&, const FIX::SessionID&) override {}
  void toApp(FIX::Message&, const FIX::SessionID&) noexcept override {}
  // Refusing a logon needs RejectLogon, so this override repeats QuickFIX's specification.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated"
  void fromAdmin(const FIX::Message& message, const FIX::SessionID&)
      throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
            FIX::RejectLogon) override;
#pragma GCC diagnostic pop
  void fromApp(const FIX::Message& message, const FIX::SessionID& session) noexcept override;

 private:
  void answerOrder(const FIX::Message& order, const FIX::SessionID& session);
  void answerMarketDataRequest(const FIX::Message& request, const FIX::SessionID& session);

  const std::string password_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<std::string> received_;
  int nextId_ = 1;
  FIX::MemoryStoreFactory storeFactory_;
  std::unique_ptr<FIX::SocketAcceptor> acceptor_;
};

}  // namespace fix_client_test
