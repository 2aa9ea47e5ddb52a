#include "tests/tools/fix_client/test_acceptor.h"

#include <quickfix/Dictionary.h>
#include <quickfix/FixFieldNumbers.h>
#include <quickfix/Group.h>
#include <quickfix/Message.h>
#include <quickfix/Session.h>
#include <quickfix/SessionSettings.h>

#include "tests/tools/fix_client/free_port.h"

namespace fix_client_test {
namespace {

namespace F = FIX::FIELD;

const char* const kSnapshotPrice = "5000.25";
const char* const kSnapshotSize = "7";

std::string fieldOr(const FIX::FieldMap& map, int tag, const std::string& fallback) {
  return map.isSetField(tag) ? map.getField(tag) : fallback;
}

std::string rawText(const FIX::Message& message) {
  std::string text = message.toString();
  for (char& c : text) {
    if (c == '\001') c = '|';
  }
  return text;
}

FIX::SessionSettings acceptorSettings(const std::string& dictionaryPath, int port) {
  FIX::Dictionary session;
  session.setString("ConnectionType", "acceptor");
  session.setInt("SocketAcceptPort", port);
  session.setString("StartTime", "00:00:00");
  session.setString("EndTime", "00:00:00");
  session.setBool("UseDataDictionary", true);
  session.setString("DataDictionary", dictionaryPath);
  // Each client run starts at sequence number 1 (MemoryStore).
  session.setBool("ResetOnLogout", true);
  session.setBool("ResetOnDisconnect", true);
  FIX::SessionSettings settings;
  settings.set(FIX::SessionID("FIX.4.4", "BROKER", "CLIENT1"), session);
  return settings;
}

}  // namespace

TestAcceptor::TestAcceptor(const std::string& dictionaryPath, std::string password)
    : password_(std::move(password)), port_(findFreePort()) {
  acceptor_.reset(new FIX::SocketAcceptor(*this, storeFactory_,
                                          acceptorSettings(dictionaryPath, port_)));
  acceptor_->start();
}

TestAcceptor::~TestAcceptor() { acceptor_->stop(true); }

std::vector<std::string> TestAcceptor::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

void TestAcceptor::clearReceived() {
  std::lock_guard<std::mutex> lock(mutex_);
  received_.clear();
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated"
void TestAcceptor::fromAdmin(const FIX::Message& message, const FIX::SessionID&)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
#pragma GCC diagnostic pop
  const bool logon = message.getHeader().getField(F::MsgType) == "A";
  if (logon && !password_.empty() && fieldOr(message, F::Password, "") != password_) {
    throw FIX::RejectLogon("invalid password");
  }
}

void TestAcceptor::fromApp(const FIX::Message& message, const FIX::SessionID& session) noexcept {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(rawText(message));
  }
  try {
    const std::string msgType = message.getHeader().getField(F::MsgType);
    if (msgType == "D") answerOrder(message, session);
    if (msgType == "V") answerMarketDataRequest(message, session);
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(std::string("cannot answer: ") + e.what());
  }
}

void TestAcceptor::answerOrder(const FIX::Message& order, const FIX::SessionID& session) {
  const std::string id = std::to_string(nextId_++);
  FIX::Message report;
  report.getHeader().setField(F::MsgType, "8");
  report.setField(F::OrderID, "O-" + id);
  report.setField(F::ExecID, "E-" + id);
  report.setField(F::ExecType, "0");
  report.setField(F::OrdStatus, "0");
  report.setField(F::ClOrdID, order.getField(F::ClOrdID));
  if (order.isSetField(F::Account)) report.setField(F::Account, order.getField(F::Account));
  report.setField(F::Symbol, order.getField(F::Symbol));
  report.setField(F::Side, order.getField(F::Side));
  report.setField(F::OrderQty, order.getField(F::OrderQty));
  if (order.isSetField(F::Price)) report.setField(F::Price, order.getField(F::Price));
  report.setField(F::LeavesQty, order.getField(F::OrderQty));
  report.setField(F::CumQty, "0");
  report.setField(F::AvgPx, "0");
  report.setField(F::Text, "accepted by the test acceptor");
  FIX::Session::sendToTarget(report, session);
}

void TestAcceptor::answerMarketDataRequest(const FIX::Message& request,
                                           const FIX::SessionID& session) {
  FIX::Message snapshot;
  snapshot.getHeader().setField(F::MsgType, "W");
  snapshot.setField(F::MDReqID, request.getField(F::MDReqID));
  FIX::Group symbol(F::NoRelatedSym, F::Symbol);
  request.getGroup(1, symbol);
  snapshot.setField(F::Symbol, symbol.getField(F::Symbol));
  const int types = std::stoi(request.getField(F::NoMDEntryTypes));
  for (int i = 1; i <= types; ++i) {
    FIX::Group type(F::NoMDEntryTypes, F::MDEntryType);
    request.getGroup(static_cast<unsigned>(i), type);
    FIX::Group entry(F::NoMDEntries, F::MDEntryType);
    entry.setField(F::MDEntryType, type.getField(F::MDEntryType));
    entry.setField(F::MDEntryPx, kSnapshotPrice);
    entry.setField(F::MDEntrySize, kSnapshotSize);
    snapshot.addGroup(entry);
  }
  FIX::Session::sendToTarget(snapshot, session);
}

}  // namespace fix_client_test
