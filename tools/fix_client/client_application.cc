#include "tools/fix_client/client_application.h"

#include <utility>

#include <quickfix/FixFieldNumbers.h>
#include <quickfix/Message.h>
#include <quickfix/Session.h>

#include "tools/fix_client/message_text.h"

namespace fix_client {
namespace {

namespace F = FIX::FIELD;

const char* const kLogonMsgType = "A";
const char* const kLogoutMsgType = "5";
const char* const kRejectMsgType = "3";
const std::string kDisconnecting = "Disconnecting";

std::string msgTypeOf(const FIX::Message& message) {
  return message.getHeader().isSetField(F::MsgType) ? message.getHeader().getField(F::MsgType)
                                                    : std::string();
}

}  // namespace

ClientApplication::ClientApplication(const FixDictionary& dictionary, Console& console,
                                     ReceivedQueue& received, std::string password)
    : dictionary_(dictionary),
      console_(console),
      received_(received),
      password_(std::move(password)) {}

void ClientApplication::onEvent(const std::string& text) {
  // "Disconnecting" follows every failure and would hide its cause.
  if (text.compare(0, kDisconnecting.size(), kDisconnecting) != 0) lastEvent_ = text;
}

void ClientApplication::onLogon(const FIX::SessionID&) { state_ = SessionState::kLoggedOn; }

void ClientApplication::onLogout(const FIX::SessionID& id) {
  if (state_ == SessionState::kConnecting) {
    // Refused by a Logout; a connection that failed or dropped is retried by QuickFIX.
    if (!logoutText_.empty()) state_ = SessionState::kRefused;
    return;
  }
  if (state_ != SessionState::kLoggedOn) return;
  state_ = SessionState::kLoggedOut;
  if (logoutExpected_) return;
  // Lost: no reconnection, so the script sees it instead of a new session behind its back.
  FIX::Session* session = FIX::Session::lookupSession(id);
  if (session != nullptr) session->logout();
  console_.error("fix-client: the session ended" +
                 (reason().empty() ? std::string() : ": " + reason()));
}

void ClientApplication::toAdmin(FIX::Message& message, const FIX::SessionID&) {
  const std::string msgType = msgTypeOf(message);
  if (msgType == kLogonMsgType && !password_.empty()) {
    message.setField(F::Password, password_);
  } else if (msgType == kRejectMsgType) {
    console_.traffic("-> " + describeMessage(message, dictionary_).text);
  }
}

void ClientApplication::toApp(FIX::Message& message, const FIX::SessionID&) noexcept {
  console_.traffic("-> " + describeMessage(message, dictionary_).text);
}

void ClientApplication::fromAdmin(const FIX::Message& message, const FIX::SessionID&) noexcept {
  const std::string msgType = msgTypeOf(message);
  if (msgType == kLogoutMsgType) {
    logoutText_ = message.isSetField(F::Text) ? message.getField(F::Text) : "a Logout without Text";
    console_.traffic("<- " + describeMessage(message, dictionary_).text);
  } else if (msgType == kRejectMsgType) {
    receive(message);
  }
}

void ClientApplication::fromApp(const FIX::Message& message, const FIX::SessionID&) noexcept {
  receive(message);
}

void ClientApplication::receive(const FIX::Message& message) {
  ReceivedMessage received = describeMessage(message, dictionary_);
  console_.traffic("<- " + received.text);
  received_.push(std::move(received));
}

}  // namespace fix_client
