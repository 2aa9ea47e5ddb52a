#include "gateway/config/risk_config_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

// toml++ is used header-only and only in this file; the public header does not expose it.
// Parse failures arrive as toml::parse_error exceptions (toml++'s default when exceptions are on).
#include <toml++/toml.h>

static_assert(TOML_EXCEPTIONS, "the loader catches toml::parse_error");

namespace gateway::config {
namespace {

using risk::AccountConfig;
using risk::Duration;
using risk::Instrument;
using risk::MarginTier;
using risk::Money;
using risk::Price;
using risk::Quantity;
using risk::Ratio;
using risk::Thresholds;

using KeyNames = std::span<const std::string_view>;

constexpr std::string_view kRootKeys[] = {"defaults", "instrument", "account"};
constexpr std::string_view kThresholdKeys[] = {"warning_enter", "warning_exit", "liquidation_floor",
                                               "call_grace_seconds", "escalation_step"};
constexpr std::string_view kInstrumentKeys[] = {"symbol",
                                                "currency",
                                                "multiplier",
                                                "tick_size",
                                                "lot_size",
                                                "max_order_quantity",
                                                "max_order_notional",
                                                "price_collar_percent",
                                                "mark_stale_after_ms",
                                                "liquidation_piece",
                                                "tiers"};
constexpr std::string_view kTierKeys[] = {"floor", "initial_rate", "maintenance_rate"};
constexpr std::string_view kAccountKeys[] = {"id", "currency", "cash", "house_multiplier", "thresholds"};

constexpr std::size_t kMaxNameLength = 24;
constexpr std::string_view kSymbolPunctuation = "._/-";
constexpr std::string_view kAccountIdPunctuation = "._-";
constexpr int64_t kMaxCallGraceSeconds = int64_t{365} * 24 * 60 * 60;  // a year
constexpr int64_t kMaxMarkStaleMillis = int64_t{24} * 60 * 60 * 1000;  // a day
constexpr std::size_t kMaxSuggestionDistance = 2;                      // for "did you mean"

// Rules for checked values.
constexpr auto kPositive = [](auto value) { return value.isPositive(); };
constexpr auto kNotNegative = [](auto value) { return !value.isNegative(); };
constexpr auto kAtLeastOne = [](Ratio value) { return value >= Ratio::fromUnits(1); };
constexpr auto kBetweenZeroAndOne = [](Ratio value) {
  return value.isPositive() && value < Ratio::fromUnits(1);
};
constexpr auto kValidCollar = [](Ratio value) {
  return value.isPositive() && value <= Ratio::fromUnits(100);
};

enum class Presence { kRequired, kOptional };

// ---- Key paths and messages ---------------------------------------------------------------------

std::string childKey(std::string_view parent, std::string_view name) {
  std::string key(parent);
  if (!key.empty()) key += '.';
  key += name;
  return key;
}

std::string elementKey(std::string_view array, std::string_view label) {
  return std::string(array) + '[' + std::string(label) + ']';
}

std::string inQuotes(std::string_view text) { return '"' + std::string(text) + '"'; }

template <class Tag>
std::string shown(risk::Fixed<Tag> value) {
  return value.toString();
}
std::string shown(int64_t value) { return std::to_string(value); }
std::string shown(const std::string& value) { return inQuotes(value); }

std::string typeName(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a TOML float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

// Levenshtein distance, to suggest the intended key for a misspelt one.
std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t replace = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, replace});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknownKeyProblem(std::string_view name, KeyNames allowed) {
  std::string_view closest;
  std::size_t closestDistance = kMaxSuggestionDistance + 1;
  for (std::string_view candidate : allowed) {
    const std::size_t distance = editDistance(name, candidate);
    if (distance < closestDistance && distance < name.size()) {
      closest = candidate;
      closestDistance = distance;
    }
  }
  if (!closest.empty()) return "unknown key; did you mean " + std::string(closest) + "?";
  std::string expected;
  for (std::string_view candidate : allowed) {
    if (!expected.empty()) expected += ", ";
    expected += candidate;
  }
  return "unknown key; expected one of: " + expected;
}

bool isAsciiAlphanumeric(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isName(std::string_view text, std::string_view punctuation) {
  if (text.empty() || text.size() > kMaxNameLength) return false;
  return std::all_of(text.begin(), text.end(), [punctuation](char c) {
    return isAsciiAlphanumeric(c) || punctuation.find(c) != std::string_view::npos;
  });
}

bool isCurrencyCode(const std::string& text) {
  return text.size() == 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ---- Source text, to quote a TOML float back to the user as written ----------------------------

bool isUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset of a 1-based line and column (columns count code points), if it is in the document.
std::optional<std::size_t> offsetOf(std::string_view document, const toml::source_position& position) {
  std::size_t offset = 0;
  for (toml::source_index line = 1; line < position.line; ++line) {
    offset = document.find('\n', offset);
    if (offset == std::string_view::npos) return std::nullopt;
    ++offset;
  }
  for (toml::source_index column = 1; column < position.column; ++column) {
    if (offset >= document.size()) return std::nullopt;
    ++offset;
    while (offset < document.size() && isUtf8Continuation(document[offset])) ++offset;
  }
  return offset;
}

std::string_view writtenText(std::string_view document, const toml::source_region& region) {
  const std::optional<std::size_t> begin = offsetOf(document, region.begin);
  const std::optional<std::size_t> end = offsetOf(document, region.end);
  if (!begin || !end || *end <= *begin) return {};
  return document.substr(*begin, *end - *begin);
}

// ---- Reader: typed reads that report what is wrong ----------------------------------------------

class Reader {
 public:
  Reader(std::string file, std::string_view document) : file_(std::move(file)), document_(document) {}

  void report(std::string key, std::string problem) {
    errors_.push_back({file_, std::move(key), std::move(problem)});
  }
  std::vector<ConfigError> takeErrors() { return std::move(errors_); }

  // A decimal written as a quoted string or an integer.
  template <class T>
  std::optional<T> decimal(const toml::node& node, const std::string& key) {
    if (const auto* text = node.as_string()) return parsedDecimal<T>(text->get(), key);
    if (const auto* whole = node.as_integer()) {
      std::optional<T> value = T::fromWide(risk::Wide{whole->get()} * risk::kScale);
      if (!value) {
        report(key, std::to_string(whole->get()) + ": " +
                        std::string(risk::describe(risk::DecimalError::kOutOfRange)));
      }
      return value;
    }
    if (node.is_floating_point()) {
      report(key, floatProblem(node));
    } else {
      report(key, "expected a decimal as a quoted string (e.g. \"0.25\") or an integer, found " +
                      typeName(node.type()));
    }
    return std::nullopt;
  }

  std::optional<int64_t> integer(const toml::node& node, const std::string& key) {
    if (const auto* value = node.as_integer()) return value->get();
    std::string problem = "expected an integer, found " + typeName(node.type());
    if (node.is_string()) problem += "; write the number without quotes";
    report(key, problem);
    return std::nullopt;
  }

  std::optional<std::string> text(const toml::node& node, const std::string& key) {
    if (const auto* value = node.as_string()) return value->get();
    report(key, "expected a string, found " + typeName(node.type()));
    return std::nullopt;
  }

  const toml::table* table(const toml::node& node, const std::string& key) {
    if (const toml::table* found = node.as_table()) return found;
    report(key, "expected a table, found " + typeName(node.type()));
    return nullptr;
  }

  const toml::array* array(const toml::node& node, const std::string& key, std::string_view written) {
    if (const toml::array* found = node.as_array()) return found;
    report(key, "expected an array of tables, written " + std::string(written) + ", found " +
                    typeName(node.type()));
    return nullptr;
  }

  void rejectUnknownKeys(const toml::table& table, std::string_view path, KeyNames allowed) {
    for (const auto& [name, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), name.str()) != allowed.end()) continue;
      report(childKey(path, name.str()), unknownKeyProblem(name.str(), allowed));
    }
  }

 private:
  template <class T>
  std::optional<T> parsedDecimal(const std::string& text, const std::string& key) {
    const typename T::Parsed parsed = T::parse(text);
    if (!parsed.value) {
      report(key, inQuotes(text) + " is not a valid decimal: " + std::string(risk::describe(parsed.error)));
    }
    return parsed.value;
  }

  std::string floatProblem(const toml::node& node) const {
    const std::string_view written = writtenText(document_, node.source());
    const bool plain =
        !written.empty() && written.find_first_not_of("-0123456789.") == std::string_view::npos;
    std::string problem = "is a TOML float";
    if (!written.empty()) problem += " (" + std::string(written) + ")";
    return problem +
           ", which is binary floating point and inexact; write the decimal as a quoted string, e.g. " +
           inQuotes(plain ? written : "0.25");
  }

  std::string file_;
  std::string_view document_;
  std::vector<ConfigError> errors_;
};

// ---- Fields: the keys of one table, named under its key path ------------------------------------

class Fields {
 public:
  Fields(Reader& reader, const toml::table& table, std::string path)
      : reader_(reader), table_(table), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  std::string key(std::string_view name) const { return childKey(path_, name); }
  bool has(std::string_view name) const { return table_.contains(name); }
  void report(std::string_view name, std::string problem) { reader_.report(key(name), std::move(problem)); }
  void rejectUnknownKeys(KeyNames allowed) { reader_.rejectUnknownKeys(table_, path_, allowed); }

  const toml::node* node(std::string_view name, Presence presence) {
    const toml::node* found = table_.get(name);
    if (found == nullptr && presence == Presence::kRequired) report(name, "required key is missing");
    return found;
  }

  template <class T>
  std::optional<T> decimal(std::string_view name, Presence presence = Presence::kRequired) {
    const toml::node* found = node(name, presence);
    return found != nullptr ? reader_.decimal<T>(*found, key(name)) : std::nullopt;
  }

  std::optional<int64_t> integer(std::string_view name, Presence presence = Presence::kRequired) {
    const toml::node* found = node(name, presence);
    return found != nullptr ? reader_.integer(*found, key(name)) : std::nullopt;
  }

  std::optional<std::string> text(std::string_view name, Presence presence = Presence::kRequired) {
    const toml::node* found = node(name, presence);
    return found != nullptr ? reader_.text(*found, key(name)) : std::nullopt;
  }

  // Keeps `value` when `rule` holds for it; otherwise reports `problem` and the value found.
  template <class T, class Rule>
  std::optional<T> checked(std::optional<T> value, std::string_view name, Rule rule,
                           std::string_view problem) {
    if (!value || rule(*value)) return value;
    report(name, std::string(problem) + " (found " + shown(*value) + ")");
    return std::nullopt;
  }

  template <class T, class Rule>
  std::optional<T> decimalWhere(std::string_view name, Presence presence, Rule rule,
                                std::string_view problem) {
    return checked(decimal<T>(name, presence), name, rule, problem);
  }

  template <class T>
  std::optional<T> positive(std::string_view name, Presence presence = Presence::kRequired) {
    return decimalWhere<T>(name, presence, kPositive, "must be greater than 0");
  }

 private:
  Reader& reader_;
  const toml::table& table_;
  std::string path_;
};

template <class T>
void assignIfSet(T& target, const std::optional<T>& value) {
  if (value) target = *value;
}

std::optional<std::string> readCurrency(Fields& fields) {
  return fields.checked(fields.text("currency"), "currency", isCurrencyCode,
                        "must be three capital letters A-Z, like USD");
}

// Durations are whole numbers from 1 to `max` in the given unit.
std::optional<int64_t> readCount(Fields& fields, std::string_view name, int64_t max, Presence presence) {
  const std::string problem = "must be a whole number from 1 to " + std::to_string(max);
  return fields.checked(
      fields.integer(name, presence), name, [max](int64_t value) { return value >= 1 && value <= max; },
      problem);
}

// ---- Thresholds ---------------------------------------------------------------------------------

// Only tables that set warning_enter or warning_exit are blamed for their order, so an account that
// overrides neither does not repeat a problem of [defaults].
void checkWarningOrder(Fields& fields, const Thresholds& thresholds) {
  const bool setsEnter = fields.has("warning_enter");
  const bool setsExit = fields.has("warning_exit");
  if ((!setsEnter && !setsExit) || thresholds.warningExit > thresholds.warningEnter) return;
  fields.report(setsExit ? "warning_exit" : "warning_enter",
                "warning_exit (" + thresholds.warningExit.toString() + ") must be above warning_enter (" +
                    thresholds.warningEnter.toString() + ")");
}

// The keys present in `fields` replace those of `base`.
Thresholds readThresholds(Fields& fields, Thresholds base) {
  fields.rejectUnknownKeys(kThresholdKeys);
  Thresholds thresholds = base;
  assignIfSet(thresholds.warningEnter,
              fields.decimalWhere<Ratio>("warning_enter", Presence::kOptional, kAtLeastOne,
                                         "must be at least 1, as a multiple of maintenance margin"));
  assignIfSet(thresholds.warningExit, fields.decimal<Ratio>("warning_exit", Presence::kOptional));
  assignIfSet(thresholds.liquidationFloor,
              fields.decimalWhere<Ratio>("liquidation_floor", Presence::kOptional, kBetweenZeroAndOne,
                                         "must be above 0 and below 1, as a multiple of maintenance margin"));
  if (const auto seconds =
          readCount(fields, "call_grace_seconds", kMaxCallGraceSeconds, Presence::kOptional)) {
    thresholds.callGracePeriod = Duration::fromSeconds(*seconds);
  }
  assignIfSet(thresholds.escalationStep, fields.decimalWhere<Money>("escalation_step", Presence::kOptional,
                                                                    kNotNegative, "must not be negative"));
  checkWarningOrder(fields, thresholds);
  return thresholds;
}

// ---- The whole configuration --------------------------------------------------------------------

class ConfigBuilder {
 public:
  explicit ConfigBuilder(Reader& reader) : reader_(reader) {}

  risk::RiskConfig build(const toml::table& root) {
    reader_.rejectUnknownKeys(root, "", kRootKeys);
    risk::RiskConfig config;
    config.defaultThresholds = readDefaults(root);
    forEachTable(root, "instrument", [&](const toml::table& table, std::size_t index) {
      config.instruments.push_back(readInstrument(table, index));
    });
    forEachTable(root, "account", [&](const toml::table& table, std::size_t index) {
      config.accounts.push_back(readAccount(table, index, config.defaultThresholds));
    });
    return config;
  }

 private:
  using SeenNames = std::map<std::string, std::string, std::less<>>;  // name -> index key

  Thresholds readDefaults(const toml::table& root) {
    const toml::node* node = root.get("defaults");
    if (node == nullptr) return Thresholds{};
    const toml::table* table = reader_.table(*node, "defaults");
    if (table == nullptr) return Thresholds{};
    Fields fields(reader_, *table, "defaults");
    return readThresholds(fields, Thresholds{});
  }

  // Calls `readOne(table, index)` for each table of the root array `name`, which must not be empty.
  template <class ReadOne>
  void forEachTable(const toml::table& root, std::string_view name, ReadOne readOne) {
    const std::string key(name);
    const std::string written = "[[" + key + "]]";
    const toml::node* node = root.get(name);
    const toml::array* array = node != nullptr ? reader_.array(*node, key, written) : nullptr;
    if (node == nullptr || (array != nullptr && array->empty())) {
      reader_.report(key, "at least one " + written + " table is required");
    }
    if (array == nullptr) return;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const std::string indexKey = elementKey(key, std::to_string(i));
      if (const toml::table* table = reader_.table((*array)[i], indexKey)) readOne(*table, i);
    }
  }

  struct Label {
    std::optional<std::string> name;  // the element's symbol or id, when valid
    std::string path;                 // the key path naming the element
  };

  // Reads the identifying name (symbol, account id) of element `index` of the root array `array`.
  // The element is named by that name when it is valid and not taken, else by its index.
  Label labelElement(const toml::table& table, std::string_view array, std::size_t index,
                     std::string_view field, std::string_view punctuation, std::string_view what,
                     SeenNames& seen) {
    Fields byIndex(reader_, table, elementKey(array, std::to_string(index)));
    const auto valid = [punctuation](const std::string& text) { return isName(text, punctuation); };
    const std::string problem = "is not a valid " + std::string(what) + ": use 1 to " +
                                std::to_string(kMaxNameLength) + " characters from A-Z a-z 0-9 " +
                                std::string(punctuation);
    const std::optional<std::string> name = byIndex.checked(byIndex.text(field), field, valid, problem);
    if (!name) return {std::nullopt, byIndex.path()};
    const auto [previous, inserted] = seen.emplace(*name, byIndex.path());
    if (inserted) return {name, elementKey(array, *name)};
    byIndex.report(field, "duplicate " + std::string(what) + " " + inQuotes(*name) + ", already used by " +
                              previous->second);
    return {std::nullopt, byIndex.path()};
  }

  Instrument readInstrument(const toml::table& table, std::size_t index) {
    const Label label =
        labelElement(table, "instrument", index, "symbol", kSymbolPunctuation, "symbol", symbols_);
    Fields fields(reader_, table, label.path);
    fields.rejectUnknownKeys(kInstrumentKeys);

    Instrument instrument;
    assignIfSet(instrument.symbol, label.name);
    assignIfSet(instrument.currency, readCurrency(fields));
    assignIfSet(instrument.multiplier, fields.positive<Ratio>("multiplier"));
    assignIfSet(instrument.tickSize, fields.positive<Price>("tick_size"));
    const std::optional<Quantity> lot = fields.positive<Quantity>("lot_size");
    assignIfSet(instrument.lotSize, lot);
    assignIfSet(instrument.maxOrderQuantity, fields.positive<Quantity>("max_order_quantity"));
    assignIfSet(instrument.maxOrderNotional, fields.positive<Money>("max_order_notional"));
    assignIfSet(instrument.priceCollarPercent,
                fields.decimalWhere<Ratio>("price_collar_percent", Presence::kRequired, kValidCollar,
                                           "must be above 0 and at most 100"));
    if (const auto millis =
            readCount(fields, "mark_stale_after_ms", kMaxMarkStaleMillis, Presence::kRequired)) {
      instrument.markStaleAfter = Duration::fromMillis(*millis);
    }
    assignIfSet(instrument.liquidationPiece, readLiquidationPiece(fields, lot));
    assignIfSet(instrument.tiers, readTiers(fields));
    return instrument;
  }

  std::optional<Quantity> readLiquidationPiece(Fields& fields, const std::optional<Quantity>& lot) {
    const std::optional<Quantity> piece = fields.positive<Quantity>("liquidation_piece");
    if (!piece || !lot || !lot->isPositive()) return piece;
    return fields.checked(
        piece, "liquidation_piece", [&lot](Quantity value) { return value.raw() % lot->raw() == 0; },
        "must be a whole multiple of lot_size " + lot->toString());
  }

  std::optional<risk::TierSchedule> readTiers(Fields& fields) {
    const std::string key = fields.key("tiers");
    const toml::node* node = fields.node("tiers", Presence::kRequired);
    if (node == nullptr) return std::nullopt;
    const toml::array* array = reader_.array(*node, key, "[{ floor = ..., initial_rate = ..., ... }, ...]");
    if (array == nullptr) return std::nullopt;

    std::vector<MarginTier> tiers;
    bool complete = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const std::optional<MarginTier> tier = readTier((*array)[i], elementKey(key, std::to_string(i)));
      if (tier) tiers.push_back(*tier);
      complete = complete && tier.has_value();
    }
    if (!complete) return std::nullopt;
    return validatedSchedule(std::move(tiers), key);
  }

  // The schedule is built only from tiers that validate: its constructor aborts on invalid ones.
  std::optional<risk::TierSchedule> validatedSchedule(std::vector<MarginTier> tiers, const std::string& key) {
    const risk::TierProblem problem = risk::validateTiers(tiers);
    if (problem.problem == nullptr) return risk::TierSchedule(std::move(tiers));
    if (problem.index < 0) {
      reader_.report(key, problem.problem);
      return std::nullopt;
    }
    const std::string tierKey = elementKey(key, std::to_string(problem.index));
    const std::string_view field = problem.field;
    reader_.report(field.empty() ? tierKey : childKey(tierKey, field), problem.problem);
    return std::nullopt;
  }

  std::optional<MarginTier> readTier(const toml::node& node, const std::string& key) {
    const toml::table* table = reader_.table(node, key);
    if (table == nullptr) return std::nullopt;
    Fields fields(reader_, *table, key);
    fields.rejectUnknownKeys(kTierKeys);
    const std::optional<Money> floor = fields.decimal<Money>("floor");
    const std::optional<Ratio> initialRate = fields.decimal<Ratio>("initial_rate");
    const std::optional<Ratio> maintenanceRate = fields.decimal<Ratio>("maintenance_rate");
    if (!floor || !initialRate || !maintenanceRate) return std::nullopt;
    return MarginTier{*floor, *initialRate, *maintenanceRate};
  }

  AccountConfig readAccount(const toml::table& table, std::size_t index, const Thresholds& defaults) {
    const Label label =
        labelElement(table, "account", index, "id", kAccountIdPunctuation, "account id", accountIds_);
    Fields fields(reader_, table, label.path);
    fields.rejectUnknownKeys(kAccountKeys);

    AccountConfig account;
    assignIfSet(account.id, label.name);
    assignIfSet(account.currency, readCurrency(fields));
    assignIfSet(account.cash, fields.decimalWhere<Money>("cash", Presence::kRequired, kNotNegative,
                                                         "must not be negative"));
    assignIfSet(account.houseMultiplier, fields.positive<Ratio>("house_multiplier", Presence::kOptional));
    account.thresholds = readAccountThresholds(fields, defaults);
    return account;
  }

  Thresholds readAccountThresholds(Fields& account, const Thresholds& defaults) {
    const toml::node* node = account.node("thresholds", Presence::kOptional);
    if (node == nullptr) return defaults;
    const toml::table* table = reader_.table(*node, account.key("thresholds"));
    if (table == nullptr) return defaults;
    Fields fields(reader_, *table, account.key("thresholds"));
    return readThresholds(fields, defaults);
  }

  Reader& reader_;
  SeenNames symbols_;
  SeenNames accountIds_;
};

std::string syntaxProblem(const toml::parse_error& error) {
  const toml::source_position& where = error.source().begin;
  return "TOML syntax error at line " + std::to_string(where.line) + ", column " +
         std::to_string(where.column) + ": " + std::string(error.description());
}

// The whole file, or why it cannot be read.
std::optional<std::string> readWholeFile(const std::string& path, std::string& contents) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return "cannot read the file: it is a directory";
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open the file: " + std::generic_category().message(errno);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return "cannot read the file";
  contents = std::move(buffer).str();
  return std::nullopt;
}

}  // namespace

std::string ConfigError::toString() const {
  std::string text = file + ": ";
  if (!key.empty()) text += key + ": ";
  return text + problem;
}

RiskConfigLoad loadRiskConfigFile(const std::string& path) {
  std::string contents;
  if (std::optional<std::string> problem = readWholeFile(path, contents)) {
    RiskConfigLoad failed;
    failed.errors.push_back(ConfigError{path, "", std::move(*problem)});
    return failed;
  }
  RiskConfigLoad load = loadRiskConfigText(contents, path);
  load.text = std::move(contents);
  return load;
}

RiskConfigLoad loadRiskConfigText(std::string_view text, const std::string& fileNameForMessages) {
  RiskConfigLoad load;
  load.text = std::string(text);
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(fileNameForMessages));
  } catch (const toml::parse_error& error) {
    load.errors.push_back({fileNameForMessages, "", syntaxProblem(error)});
    return load;
  }
  Reader reader(fileNameForMessages, text);
  risk::RiskConfig config = ConfigBuilder(reader).build(root);
  load.errors = reader.takeErrors();
  if (load.errors.empty()) load.config = std::move(config);
  return load;
}

}  // namespace gateway::config
