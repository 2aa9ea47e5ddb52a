#include "gateway/fix/sqlite_message_store.h"

#include <quickfix/FieldConvertors.h>

#include <utility>

namespace gateway {
namespace fix {
namespace {
constexpr int kNanosecondDigits = 9;
}  // namespace

std::string creationTimeText(const FIX::UtcTimeStamp& time) {
  return FIX::UtcTimeStampConvertor::convert(time, kNanosecondDigits);
}

FIX::UtcTimeStamp creationTimeFromText(const std::string& text) {
  try {
    return FIX::UtcTimeStampConvertor::convert(text);
  } catch (const FIX::FieldConvertError&) {
    throw FIX::IOException("session store: unreadable creation_time \"" + text + "\"");
  }
}

SqliteMessageStore::SqliteMessageStore(std::shared_ptr<SqliteSessionDatabase> database,
                                       const FIX::SessionID& sessionID)
    : database_(std::move(database)), key_(sessionID.toString()) {
  load(database_->openSession(key_, creationTimeText(FIX::UtcTimeStamp())));
}

void SqliteMessageStore::load(const SessionRow& row) {
  nextSender_ = row.nextSender;
  storedSender_ = row.nextSender;
  nextTarget_ = row.nextTarget;
  creationTime_ = creationTimeFromText(row.creationTime);
}

bool SqliteMessageStore::set(int msgSeqNum, const std::string& message) throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  database_->storeMessage(key_, msgSeqNum, message);
  if (msgSeqNum + 1 > storedSender_) storedSender_ = msgSeqNum + 1;
  return true;
}

void SqliteMessageStore::get(int begin, int end, std::vector<std::string>& messages) const
    throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  database_->messages(key_, begin, end, messages);
}

int SqliteMessageStore::getNextSenderMsgSeqNum() const throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  return nextSender_;
}

int SqliteMessageStore::getNextTargetMsgSeqNum() const throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  return nextTarget_;
}

void SqliteMessageStore::setNextSenderMsgSeqNum(int value) throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  database_->setNextSender(key_, value);
  nextSender_ = value;
  storedSender_ = value;
}

void SqliteMessageStore::setNextTargetMsgSeqNum(int value) throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  database_->setNextTarget(key_, value);
  nextTarget_ = value;
}

void SqliteMessageStore::incrNextSenderMsgSeqNum() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  const int next = nextSender_ + 1;
  if (next > storedSender_) {
    database_->setNextSender(key_, next);
    storedSender_ = next;
  }
  nextSender_ = next;
}

void SqliteMessageStore::incrNextTargetMsgSeqNum() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  database_->setNextTarget(key_, nextTarget_ + 1);
  ++nextTarget_;
}

FIX::UtcTimeStamp SqliteMessageStore::getCreationTime() const throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  return creationTime_;
}

void SqliteMessageStore::reset() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  const FIX::UtcTimeStamp now;
  const std::string nowText = creationTimeText(now);
  database_->resetSession(key_, nowText);
  nextSender_ = 1;
  storedSender_ = 1;
  nextTarget_ = 1;
  creationTime_ = creationTimeFromText(nowText);  // exactly what a reopen reads back
}

void SqliteMessageStore::refresh() throw(FIX::IOException) {
  std::lock_guard<std::mutex> lock(mutex_);
  load(database_->loadSession(key_));
}

}  // namespace fix
}  // namespace gateway
