#include "tools/fix_client/message_text.h"

#include <cctype>
#include <cstdlib>

#include <quickfix/FixFieldNumbers.h>

namespace fix_client {
namespace {

constexpr char kSoh = '\001';

bool needsQuotes(int tag, const std::string& value) {
  if (tag == FIX::FIELD::Text || value.empty()) return true;
  for (char c : value) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '"') return true;
  }
  return false;
}

std::string quoted(const std::string& value) {
  std::string text = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') text += '\\';
    text += c;
  }
  return text + "\"";
}

}  // namespace

std::vector<BodyField> bodyFields(const FIX::Message& message) {
  std::vector<BodyField> fields;
  const std::string wire = message.toString();
  std::size_t start = 0;
  while (start < wire.size()) {
    std::size_t end = wire.find(kSoh, start);
    if (end == std::string::npos) end = wire.size();
    const std::size_t equals = wire.find('=', start);
    if (equals != std::string::npos && equals < end) {
      const int tag = std::atoi(wire.c_str() + start);
      if (tag > 0 && !FIX::Message::isHeaderField(tag) && !FIX::Message::isTrailerField(tag)) {
        fields.push_back(BodyField{tag, wire.substr(equals + 1, end - equals - 1)});
      }
    }
    start = end + 1;
  }
  return fields;
}

std::string messageText(const std::string& msgType, const std::vector<BodyField>& fields,
                        const FixDictionary& dictionary) {
  std::string text = dictionary.messageName(msgType);
  for (const BodyField& field : fields) {
    text += ' ';
    text += dictionary.fieldName(field.tag);
    text += '=';
    text += needsQuotes(field.tag, field.value) ? quoted(field.value) : field.value;
    std::string valueName;
    if (dictionary.valueName(field.tag, field.value, valueName)) {
      text += '(' + valueName + ')';
    }
  }
  return text;
}

ReceivedMessage describeMessage(const FIX::Message& message, const FixDictionary& dictionary) {
  ReceivedMessage received;
  received.msgType = message.getHeader().getField(FIX::FIELD::MsgType);
  received.fields = bodyFields(message);
  received.text = messageText(received.msgType, received.fields, dictionary);
  return received;
}

}  // namespace fix_client
