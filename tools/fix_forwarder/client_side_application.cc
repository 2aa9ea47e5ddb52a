#include "tools/fix_forwarder/client_side_application.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Fields.h>
#include <quickfix/Message.h>
#include <quickfix/Session.h>

#include <iostream>

#include "tools/fix_forwarder/cl_ord_id_prefix.h"
#include "tools/fix_forwarder/forwarded_message.h"

namespace fix_forwarder {
namespace {

// Every byte is compared whatever the earlier ones were, so the time taken tells nothing.
bool passwordMatches(const std::string& given, const std::string& expected) {
  if (given.size() != expected.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return difference == 0;
}

void prefixField(FIX::Message& message, int tag, std::size_t index) {
  if (message.isSetField(tag)) message.setField(tag, prefixClOrdId(index, message.getField(tag)));
}

}  // namespace

void ClientSideApplication::addSession(const FIX::SessionID& id, const Binding& binding) {
  sessions_[id] = binding;
}

const ClientSideApplication::Binding* ClientSideApplication::find(const FIX::SessionID& id) const {
  const auto it = sessions_.find(id);
  return it == sessions_.end() ? nullptr : &it->second;
}

void ClientSideApplication::onLogout(const FIX::SessionID& id) {
  const Binding* session = find(id);
  if (session != nullptr && session->store != nullptr) session->store->loggedOut();
}

void ClientSideApplication::fromAdmin(const FIX::Message& message, const FIX::SessionID& id)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) != "A") return;
  const Binding* session = find(id);
  const bool accepted = session != nullptr && message.isSetField(FIX::FIELD::Password) &&
                        passwordMatches(message.getField(FIX::FIELD::Password), session->password);
  if (!accepted) {
    if (session != nullptr && session->store != nullptr) session->store->rollbackLogon();
    throw FIX::RejectLogon("invalid password");
  }
  if (session->store != nullptr) session->store->commitLogon();
}

void ClientSideApplication::fromApp(const FIX::Message& message, const FIX::SessionID& id)
    throw(FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue,
          FIX::UnsupportedMessageType) {
  const std::string& msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  if (msgType != "D" && msgType != "F" && msgType != "G") throw FIX::UnsupportedMessageType();
  const Binding* session = find(id);
  if (session == nullptr) throw FIX::UnsupportedMessageType();

  std::unique_ptr<FIX::Message> order = forwardedCopy(message, msgType);
  prefixField(*order, FIX::FIELD::ClOrdID, session->index);
  prefixField(*order, FIX::FIELD::OrigClOrdID, session->index);
  if (!routes_.forward(routes_.venue, std::move(order), dropped_) && dropped_.load() == 1) {
    std::cerr << "fix-forwarder: the venue session is down; orders are dropped\n";
  }
}

}  // namespace fix_forwarder
