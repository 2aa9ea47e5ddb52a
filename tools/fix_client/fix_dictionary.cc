#include "tools/fix_client/fix_dictionary.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <memory>

#include <quickfix/Exceptions.h>

namespace fix_client {
namespace {

constexpr std::size_t kMaxUnknownCodeLength = 2;
constexpr std::size_t kMaxTagDigits = 9;

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

bool isElement(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return std::string();
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

bool isDigits(const std::string& text) {
  if (text.empty() || text.size() > kMaxTagDigits) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

bool FixDictionary::load(const std::string& path, std::string& error) {
  try {
    data_.readFromURL(path);
  } catch (const FIX::ConfigError& e) {
    error = "cannot load the data dictionary " + path + ": " + e.what();
    return false;
  }
  return loadMessageNames(path, error);
}

bool FixDictionary::loadMessageNames(const std::string& path, std::string& error) {
  std::unique_ptr<xmlDoc, XmlDocFree> doc(
      xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr || !isElement(root, "fix")) {
    error = "cannot read message names from " + path + ": not a <fix> XML document";
    return false;
  }
  for (xmlNode* section = root->children; section != nullptr; section = section->next) {
    if (!isElement(section, "messages")) continue;
    for (xmlNode* message = section->children; message != nullptr; message = message->next) {
      if (!isElement(message, "message")) continue;
      const std::string name = attribute(message, "name");
      const std::string code = attribute(message, "msgtype");
      if (name.empty() || code.empty()) continue;
      codeByName_[name] = code;
      nameByCode_[code] = name;
    }
  }
  return true;
}

bool FixDictionary::fieldTag(const std::string& nameOrNumber, int& tag) const {
  if (isDigits(nameOrNumber)) {
    tag = std::stoi(nameOrNumber);
    return tag > 0;
  }
  return data_.getFieldTag(nameOrNumber, tag);
}

std::string FixDictionary::fieldName(int tag) const {
  std::string name;
  if (data_.getFieldName(tag, name)) return name;
  return std::to_string(tag);
}

bool FixDictionary::valueName(int tag, const std::string& value, std::string& name) const {
  return data_.getValueName(tag, value, name);
}

bool FixDictionary::msgTypeCode(const std::string& nameOrCode, std::string& code) const {
  const auto byName = codeByName_.find(nameOrCode);
  if (byName != codeByName_.end()) {
    code = byName->second;
    return true;
  }
  if (nameByCode_.count(nameOrCode) != 0 || nameOrCode.size() <= kMaxUnknownCodeLength) {
    code = nameOrCode;
    return !code.empty();
  }
  return false;
}

std::string FixDictionary::messageName(const std::string& code) const {
  const auto found = nameByCode_.find(code);
  return found == nameByCode_.end() ? code : found->second;
}

}  // namespace fix_client
