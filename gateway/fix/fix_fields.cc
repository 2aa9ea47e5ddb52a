#include "gateway/fix/fix_fields.h"

#include <quickfix/Exceptions.h>
#include <quickfix/Field.h>
#include <quickfix/FieldConvertors.h>
#include <quickfix/FieldNumbers.h>
#include <quickfix/FieldTypes.h>

#include <cstring>
#include <ctime>
#include <stdexcept>

#include "gateway/bridge/fix_decimal.h"
#include "gateway/bridge/utf8_text.h"

namespace gateway {
namespace fix {

FIX::Message messageOfType(const char* msgType) {
  FIX::Message message;
  message.getHeader().setField(FIX::FIELD::MsgType, msgType);
  return message;
}

const std::string& requiredText(const FIX::FieldMap& fields, int tag) {
  const std::string& text = fields.getField(tag);  // throws FieldNotFound
  if (!bridge::isPlainText(text)) throw FIX::IncorrectTagValue(tag);
  return text;
}

std::string optionalText(const FIX::FieldMap& fields, int tag) {
  return fields.isSetField(tag) ? requiredText(fields, tag) : std::string();
}

std::string requiredTextAsUtf8(const FIX::FieldMap& fields, int tag) {
  return bridge::withValidUtf8(fields.getField(tag));
}

std::string optionalTextAsUtf8(const FIX::FieldMap& fields, int tag) {
  return fields.isSetField(tag) ? requiredTextAsUtf8(fields, tag) : std::string();
}

std::int64_t requiredDecimal(const FIX::FieldMap& fields, int tag) {
  std::int64_t value = 0;
  if (!bridge::parseFixDecimal(fields.getField(tag), value)) throw FIX::IncorrectTagValue(tag);
  return value;
}

bool optionalDecimal(const FIX::FieldMap& fields, int tag, std::int64_t& value) {
  if (!fields.isSetField(tag)) return false;
  value = requiredDecimal(fields, tag);
  return true;
}

char requiredChar(const FIX::FieldMap& fields, int tag, const char* allowed) {
  const std::string& text = fields.getField(tag);
  if (text.size() != 1) throw FIX::IncorrectTagValue(tag);
  if (allowed != nullptr && std::strchr(allowed, text[0]) == nullptr) {
    throw FIX::IncorrectTagValue(tag);
  }
  return text[0];
}

char optionalChar(const FIX::FieldMap& fields, int tag, char absent, const char* allowed) {
  return fields.isSetField(tag) ? requiredChar(fields, tag, allowed) : absent;
}

int requiredInt(const FIX::FieldMap& fields, int tag) {
  int value = 0;
  if (!FIX::IntConvertor::convert(fields.getField(tag), value)) throw FIX::IncorrectTagValue(tag);
  return value;
}

int optionalInt(const FIX::FieldMap& fields, int tag, int absent) {
  return fields.isSetField(tag) ? requiredInt(fields, tag) : absent;
}

void setText(FIX::FieldMap& fields, int tag, const std::string& value) {
  if (value.empty()) {
    throw std::invalid_argument("field " + std::to_string(tag) + " is required but empty");
  }
  fields.setField(tag, value);
}

void setTextIfAny(FIX::FieldMap& fields, int tag, const std::string& value) {
  if (!value.empty()) fields.setField(tag, value);
}

void setChar(FIX::FieldMap& fields, int tag, char value) {
  fields.setField(tag, std::string(1, value));
}

void setInt(FIX::FieldMap& fields, int tag, int value) {
  fields.setField(tag, std::to_string(value));
}

void setDecimal(FIX::FieldMap& fields, int tag, std::int64_t raw) {
  fields.setField(tag, bridge::formatFixDecimal(raw));
}

void setTransactTimeNow(FIX::FieldMap& fields) {
  fields.setField(FIX::UtcTimeStampField(FIX::FIELD::TransactTime, FIX::UtcTimeStamp(), 3));
}

void setUtcTimestamp(FIX::FieldMap& fields, int tag, std::int64_t nanosSinceEpoch) {
  if (nanosSinceEpoch < 0) {
    throw std::invalid_argument("field " + std::to_string(tag) + " is before 1970");
  }
  constexpr std::int64_t kNanosPerSecond = 1000000000;
  constexpr std::int64_t kNanosPerMilli = 1000000;
  const auto seconds = static_cast<std::time_t>(nanosSinceEpoch / kNanosPerSecond);
  const auto millis = static_cast<int>((nanosSinceEpoch % kNanosPerSecond) / kNanosPerMilli);
  fields.setField(FIX::UtcTimeStampField(tag, FIX::UtcTimeStamp(seconds, millis, 3), 3));
}

}  // namespace fix
}  // namespace gateway
