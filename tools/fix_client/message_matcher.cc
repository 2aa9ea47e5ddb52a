#include "tools/fix_client/message_matcher.h"

namespace fix_client {
namespace {

bool holds(const ReceivedMessage& message, const FieldValue& condition) {
  const bool anyValue = condition.value == kAnyValue;
  for (const BodyField& field : message.fields) {
    if (field.tag == condition.tag && (anyValue || field.value == condition.value)) return true;
  }
  return false;
}

}  // namespace

bool matchesExpectation(const ReceivedMessage& message, const std::string& msgTypeCode,
                        const std::vector<FieldValue>& conditions) {
  if (message.msgType != msgTypeCode) return false;
  for (const FieldValue& condition : conditions) {
    if (!holds(message, condition)) return false;
  }
  return true;
}

}  // namespace fix_client
