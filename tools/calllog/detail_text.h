#pragma once

// Renders an audit record's detail (a JSON object) and raw FIX message readably, without passing
// any number through a double: a float in the detail keeps the digits it was written with.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace calllog {

struct DetailField {
  std::string path;   // "amount_to_cure", "trigger.kind", "orders[1]"
  std::string value;  // the value's text: strings unquoted, numbers as written, true/false/null
  bool isInteger = false;
};

struct DetailFields {
  bool parsed = false;    // false: the detail is not JSON (it is then shown as it is)
  bool hasFloat = false;  // a JSON number with a fraction or exponent
  std::vector<DetailField> fields;
};

DetailFields flattenDetail(const std::string& detail);

// "amount_to_cure=385375.5 deadline=2026-11-24T02:00:00.000Z trigger.kind=market_data": one
// key=value per field; an integer field whose name ends in "_ns" is shown as a UTC time under the
// name without "_ns"; values with spaces are quoted. An empty object gives ""; text that is not
// JSON is returned as it is.
std::string renderDetail(const std::string& detail);

// The detail for JSON output: the parsed object, or the stored text as a string when it is not
// JSON or holds a float (so that no number is rewritten).
nlohmann::json detailJson(const std::string& detail);

// The FIX message with SOH shown as '|'.
std::string renderFix(const std::string& message);

}  // namespace calllog
