#include "tools/fix_client/message_builder.h"

#include <cctype>

#include <quickfix/FieldConvertors.h>
#include <quickfix/FixFieldNumbers.h>
#include <quickfix/Group.h>

namespace fix_client {
namespace {

namespace F = FIX::FIELD;

constexpr int kTimestampPrecision = 3;  // milliseconds
constexpr std::size_t kMaxCountDigits = 6;

FIX::Message newMessage(const char* msgType) {
  FIX::Message message;
  message.getHeader().setField(F::MsgType, msgType);
  return message;
}

void setTransactTimeNow(FIX::Message& message) {
  message.setField(F::TransactTime,
                   FIX::UtcTimeStampConvertor::convert(FIX::UtcTimeStamp(), kTimestampPrecision));
}

void setCommonOrderFields(const OrderParams& order, FIX::Message& message) {
  message.setField(F::ClOrdID, order.clOrdId);
  if (!order.origClOrdId.empty()) message.setField(F::OrigClOrdID, order.origClOrdId);
  message.setField(F::Account, order.account);
  message.setField(F::Symbol, order.symbol);
  message.setField(F::Side, std::string(1, order.side));
  message.setField(F::OrderQty, order.quantity);
  setTransactTimeNow(message);
}

bool parseCount(const std::string& text, int& count) {
  if (text.empty() || text.size() > kMaxCountDigits) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  count = std::stoi(text);
  return true;
}

// Walks the script's field list once, filling the message and its groups.
class FieldListBuilder {
 public:
  FieldListBuilder(const std::string& msgType, const std::vector<FieldValue>& fields,
                   const FixDictionary& dictionary)
      : msgType_(msgType), fields_(fields), dictionary_(dictionary) {}

  bool buildBody(FIX::Message& message, std::string& error) {
    const FIX::DataDictionary& dd = dictionary_.data();
    while (next_ < fields_.size() && error_.empty()) {
      const FieldValue& field = fields_[next_];
      if (isGroupCount(dd, field.tag)) {
        addGroups(dd, message);
      } else if (FIX::Message::isHeaderField(field.tag)) {
        setOnce(message.getHeader(), field, "the header");
      } else if (FIX::Message::isTrailerField(field.tag)) {
        error_ = name(field.tag) + " is a trailer field; QuickFIX sets it";
      } else {
        setOnce(message, field, "the message body (not in a repeating group)");
      }
    }
    error = error_;
    return error_.empty();
  }

 private:
  std::string name(int tag) const {
    const std::string text = dictionary_.fieldName(tag);
    return text == std::to_string(tag) ? text : text + " (" + std::to_string(tag) + ")";
  }

  bool isGroupCount(const FIX::DataDictionary& dd, int tag) const {
    return dd.isGroup(msgType_, tag);
  }

  void setOnce(FIX::FieldMap& target, const FieldValue& field, const char* where) {
    if (target.isSetField(field.tag)) {
      error_ = name(field.tag) + " appears twice in " + where;
      return;
    }
    target.setField(field.tag, field.value);
    ++next_;
  }

  // At a count field: reads its entries and adds them to `target`.
  void addGroups(const FIX::DataDictionary& dd, FIX::FieldMap& target) {
    const FieldValue& countField = fields_[next_];
    int count = 0;
    if (!parseCount(countField.value, count)) {
      error_ = name(countField.tag) + " is a repeating group count, not '" + countField.value + "'";
      return;
    }
    int delim = 0;
    const FIX::DataDictionary* groupDd = nullptr;
    dd.getGroup(msgType_, countField.tag, delim, groupDd);
    ++next_;
    if (count == 0) {
      target.setField(countField.tag, "0");
      return;
    }
    for (int entry = 1; entry <= count && error_.empty(); ++entry) {
      if (next_ >= fields_.size() || fields_[next_].tag != delim) {
        error_ = name(countField.tag) + "=" + countField.value + ": entry " +
                 std::to_string(entry) + " must start with " + name(delim);
        return;
      }
      FIX::Group group(countField.tag, delim, groupDd->getOrderedFields());
      fillEntry(*groupDd, delim, group);
      if (error_.empty()) target.addGroup(countField.tag, group);
    }
    if (error_.empty() && next_ < fields_.size() && fields_[next_].tag == delim) {
      error_ = name(countField.tag) + "=" + countField.value + " but more entries follow";
    }
  }

  // One entry: the delimiter, then the group's fields until a field outside the group or the
  // next entry's delimiter.
  void fillEntry(const FIX::DataDictionary& groupDd, int delim, FIX::Group& entry) {
    bool first = true;
    while (next_ < fields_.size() && error_.empty()) {
      const FieldValue& field = fields_[next_];
      if (!groupDd.isField(field.tag) || (field.tag == delim && !first)) return;
      first = false;
      if (groupDd.isGroup(msgType_, field.tag)) {
        addGroups(groupDd, entry);
      } else {
        setOnce(entry, field, "one repeating group entry");
      }
    }
  }

  const std::string& msgType_;
  const std::vector<FieldValue>& fields_;
  const FixDictionary& dictionary_;
  std::size_t next_ = 0;
  std::string error_;
};

}  // namespace

FIX::Message newOrderSingle(const OrderParams& order) {
  FIX::Message message = newMessage("D");
  setCommonOrderFields(order, message);
  if (order.market) {
    message.setField(F::OrdType, "1");
  } else {
    message.setField(F::OrdType, "2");
    message.setField(F::Price, order.price);
  }
  if (!order.timeInForce.empty()) message.setField(F::TimeInForce, order.timeInForce);
  return message;
}

FIX::Message orderCancelRequest(const OrderParams& order) {
  FIX::Message message = newMessage("F");
  setCommonOrderFields(order, message);
  return message;
}

FIX::Message orderCancelReplaceRequest(const OrderParams& order) {
  FIX::Message message = newMessage("G");
  setCommonOrderFields(order, message);
  message.setField(F::OrdType, "2");
  message.setField(F::Price, order.price);
  return message;
}

bool buildMessage(const std::string& msgTypeCode, const std::vector<FieldValue>& fields,
                  const FixDictionary& dictionary, FIX::Message& message, std::string& error) {
  message = FIX::Message();
  message.getHeader().setField(F::MsgType, msgTypeCode);
  FieldListBuilder builder(msgTypeCode, fields, dictionary);
  return builder.buildBody(message, error);
}

}  // namespace fix_client
