#pragma once

// The data dictionary as fix-client uses it: field names and tags, enum value names, message
// names and MsgType codes. Field names come from QuickFIX's DataDictionary; message names (which
// QuickFIX does not keep) from the same XML file read with libxml2. QuickFIX side (gnu++14).

#include <map>
#include <string>

#include <quickfix/DataDictionary.h>

namespace fix_client {

class FixDictionary {
 public:
  // False and `error` set when the file cannot be read or is not a QuickFIX dictionary.
  bool load(const std::string& path, std::string& error);

  const FIX::DataDictionary& data() const { return data_; }

  // A tag from a number ("11", known to the dictionary or not) or a field name ("ClOrdID").
  bool fieldTag(const std::string& nameOrNumber, int& tag) const;
  // "ClOrdID", or the number when the dictionary does not know the tag.
  std::string fieldName(int tag) const;
  // The enum description of a value ("TRADE" for ExecType F), false when there is none.
  bool valueName(int tag, const std::string& value, std::string& name) const;

  // A MsgType code from a message name ("ExecutionReport") or a code ("8"). A short code the
  // dictionary does not know (up to 2 characters) is accepted as it is.
  bool msgTypeCode(const std::string& nameOrCode, std::string& code) const;
  // "ExecutionReport", or the code when the dictionary does not know it.
  std::string messageName(const std::string& code) const;

 private:
  bool loadMessageNames(const std::string& path, std::string& error);

  FIX::DataDictionary data_;
  std::map<std::string, std::string> codeByName_;
  std::map<std::string, std::string> nameByCode_;
};

}  // namespace fix_client
