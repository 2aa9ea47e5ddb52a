#include "tools/venue_sim/scenario_file.h"

#include <fstream>
#include <map>
#include <sstream>

#include "gateway/bridge/fix_decimal.h"

namespace venue_sim {
namespace {

constexpr std::int64_t kMaxOffsetMs = 1000LL * 60 * 60 * 24 * 365;  // a year is plenty

std::string trim(const std::string& text) {
  const std::string blanks = " \t\r";
  const std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string::npos) return std::string();
  const std::size_t last = text.find_last_not_of(blanks);
  return text.substr(first, last - first + 1);
}

std::vector<std::string> splitFields(const std::string& line) {
  std::vector<std::string> fields;
  std::string current;
  for (char c : line) {
    if (c == ',') {
      fields.push_back(trim(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  fields.push_back(trim(current));
  return fields;
}

class RowParser {
 public:
  explicit RowParser(const std::string& name) : name_(name) {}

  [[noreturn]] void fail(int line, const std::string& problem) const {
    std::ostringstream text;
    text << name_ << ':' << line << ": " << problem;
    throw ScenarioError(text.str());
  }

  std::int64_t parseOffset(int line, const std::string& text) const {
    if (text.empty()) fail(line, "offset_ms is empty");
    std::int64_t value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') fail(line, "offset_ms '" + text + "' is not a whole number of milliseconds");
      value = value * 10 + (c - '0');
      if (value > kMaxOffsetMs) fail(line, "offset_ms '" + text + "' is too large");
    }
    return value;
  }

  // Returns false for an empty field (unchanged).
  bool parsePrice(int line, const char* column, const std::string& text, std::int64_t& raw) const {
    if (text.empty()) return false;
    if (!gateway::bridge::parseFixDecimal(text, raw)) {
      fail(line, std::string(column) + " '" + text +
                     "' is not a decimal with at most 8 places (digits, one '.', optional '-')");
    }
    if (raw <= 0) fail(line, std::string(column) + " '" + text + "' must be positive");
    return true;
  }

 private:
  std::string name_;
};

bool isHeader(const std::vector<std::string>& fields) {
  return !fields.empty() && fields[0] == "offset_ms";
}

}  // namespace

std::vector<ScenarioRow> parseScenario(std::istream& input, const std::string& name) {
  const RowParser parser(name);
  std::vector<ScenarioRow> rows;
  std::map<std::string, Quote> books;  // the book each symbol would have, to refuse crossed markets
  std::string text;
  int line = 0;
  bool seenData = false;
  std::int64_t previousOffset = 0;
  while (std::getline(input, text)) {
    ++line;
    const std::string trimmed = trim(text);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const std::vector<std::string> fields = splitFields(trimmed);
    if (!seenData && isHeader(fields)) {
      if (fields.size() != 5 || fields[1] != "symbol" || fields[2] != "bid" || fields[3] != "ask" ||
          fields[4] != "last") {
        parser.fail(line, "header must be exactly 'offset_ms,symbol,bid,ask,last'");
      }
      seenData = true;
      continue;
    }
    seenData = true;
    if (fields.size() != 5) {
      std::ostringstream problem;
      problem << "expected 5 fields (offset_ms,symbol,bid,ask,last), found " << fields.size();
      parser.fail(line, problem.str());
    }
    ScenarioRow row;
    row.line = line;
    row.offsetMs = parser.parseOffset(line, fields[0]);
    if (row.offsetMs < previousOffset) {
      std::ostringstream problem;
      problem << "offset_ms " << row.offsetMs << " is before the previous row's " << previousOffset;
      parser.fail(line, problem.str());
    }
    previousOffset = row.offsetMs;
    row.update.symbol = fields[1];
    if (row.update.symbol.empty()) parser.fail(line, "symbol is empty");
    for (char c : row.update.symbol) {
      if (c == '|' || c == '=' || static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e) {
        parser.fail(line, "symbol '" + row.update.symbol + "' has a character a FIX field cannot carry");
      }
    }
    Quote& changes = row.update.changes;
    changes.hasBid = parser.parsePrice(line, "bid", fields[2], changes.bid);
    changes.hasAsk = parser.parsePrice(line, "ask", fields[3], changes.ask);
    changes.hasLast = parser.parsePrice(line, "last", fields[4], changes.last);
    if (!changes.hasBid && !changes.hasAsk && !changes.hasLast) {
      parser.fail(line, "bid, ask and last are all empty: the row changes nothing");
    }
    Quote& book = books[row.update.symbol];
    if (changes.hasBid) { book.hasBid = true; book.bid = changes.bid; }
    if (changes.hasAsk) { book.hasAsk = true; book.ask = changes.ask; }
    if (changes.hasLast) { book.hasLast = true; book.last = changes.last; }
    if (book.hasBid && book.hasAsk && book.bid >= book.ask) {
      parser.fail(line, "crossed or locked market for " + row.update.symbol + ": bid " +
                            gateway::bridge::formatFixDecimal(book.bid) + " is not below ask " +
                            gateway::bridge::formatFixDecimal(book.ask));
    }
    rows.push_back(row);
  }
  if (input.bad()) throw ScenarioError(name + ": read error");
  if (rows.empty()) throw ScenarioError(name + ": no scenario rows");
  return rows;
}

std::vector<ScenarioRow> loadScenarioFile(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw ScenarioError(path + ": cannot open the scenario file");
  return parseScenario(file, path);
}

}  // namespace venue_sim
