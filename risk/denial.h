#pragma once

// A business denial is a value: a stable code plus the numbers behind it.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "risk/fixed_point.h"

namespace risk {

// Stable codes: their spelling is part of the FIX Rules of Engagement (Text 58). Never renumber.
enum class DenialCode : uint8_t {
  kUnknownAccount,
  kUnknownInstrument,
  kNotEntitled,
  kInvalidQuantity,
  kInvalidPrice,
  kInvalidId,
  kMaxQuantity,
  kMaxNotional,
  kPriceCollar,
  kStaleMark,
  kAccountHalted,
  kDuplicateClOrdId,
  kMaintenanceBreach,
  kInsufficientMargin,
  kCurrencyMismatch,
  kUnknownOrder,
  kOrderNotReplaceable,
  kValueOutOfRange,
  kInvalidAmount,
  kWithdrawalBreachesInitial,
  kWithdrawalExceedsCash,
  kAccountInCall,
  kStoreUnavailable,
};

std::string_view toString(DenialCode code);

// One named number behind a denial.
struct DenialDetail {
  enum class Kind : uint8_t { kMoney, kPrice, kQuantity, kRatio, kMillis, kText };
  std::string_view name;  // a string literal: "equity", "maintenance", ...
  Kind kind = Kind::kMoney;
  int64_t value = 0;           // raw fixed-point count (or milliseconds for kMillis)
  std::string_view text = {};  // kText: a string literal only (events outlive the input)
};

class Denial {
 public:
  static constexpr std::size_t kMaxDetails = 8;

  explicit Denial(DenialCode code) : code_(code) {}

  DenialCode code() const { return code_; }
  std::size_t size() const { return size_; }
  const DenialDetail& operator[](std::size_t i) const { return details_[i]; }

  Denial& money(std::string_view name, Money value) { return add({name, DenialDetail::Kind::kMoney, value.raw()}); }
  Denial& price(std::string_view name, Price value) { return add({name, DenialDetail::Kind::kPrice, value.raw()}); }
  Denial& quantity(std::string_view name, Quantity value) {
    return add({name, DenialDetail::Kind::kQuantity, value.raw()});
  }
  Denial& ratio(std::string_view name, Ratio value) { return add({name, DenialDetail::Kind::kRatio, value.raw()}); }
  Denial& millis(std::string_view name, int64_t value) { return add({name, DenialDetail::Kind::kMillis, value}); }
  Denial& text(std::string_view name, std::string_view value) {
    return add({name, DenialDetail::Kind::kText, 0, value});
  }

  // Looks a detail up by name; nullptr when absent.
  const DenialDetail* find(std::string_view name) const;

  // "INSUFFICIENT_MARGIN: equity=1000 initial=800 ..." (exact decimals).
  std::string format() const;

 private:
  Denial& add(DenialDetail detail) {
    if (size_ < kMaxDetails) details_[size_++] = detail;
    return *this;
  }

  DenialCode code_;
  std::array<DenialDetail, kMaxDetails> details_{};
  std::size_t size_ = 0;
};

}  // namespace risk
