#include "tools/md_storm/password_client.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Values.h>

namespace md_storm {

PasswordClient::PasswordClient(const std::string& password) : password_(password) {}

void PasswordClient::onLogon(const FIX::SessionID& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = true;
  sessionId_ = id;
  session_ = FIX::Session::lookupSession(id);
  changed_.notify_all();
}

void PasswordClient::onLogout(const FIX::SessionID&) {
  std::lock_guard<std::mutex> lock(mutex_);
  loggedOn_ = false;
  changed_.notify_all();
}

void PasswordClient::toAdmin(FIX::Message& message, const FIX::SessionID&) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == FIX::MsgType_Logon) {
    message.setField(FIX::FIELD::Password, password_);
    message.setField(FIX::FIELD::ResetSeqNumFlag, "Y");
  }
}

void PasswordClient::fromAdmin(const FIX::Message& message, const FIX::SessionID&) throw(
    FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) {
  if (message.getHeader().getField(FIX::FIELD::MsgType) == FIX::MsgType_Logout &&
      message.isSetField(FIX::FIELD::Text)) {
    std::lock_guard<std::mutex> lock(mutex_);
    logoutText_ = message.getField(FIX::FIELD::Text);
  }
}

bool PasswordClient::waitForLogon(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return loggedOn_; });
}

bool PasswordClient::loggedOn() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return loggedOn_;
}

std::string PasswordClient::logoutText() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return logoutText_;
}

}  // namespace md_storm
