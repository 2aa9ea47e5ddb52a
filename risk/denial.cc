#include "risk/denial.h"

namespace risk {

std::string_view toString(DenialCode code) {
  switch (code) {
    case DenialCode::kUnknownAccount: return "UNKNOWN_ACCOUNT";
    case DenialCode::kUnknownInstrument: return "UNKNOWN_INSTRUMENT";
    case DenialCode::kNotEntitled: return "NOT_ENTITLED";
    case DenialCode::kInvalidQuantity: return "INVALID_QUANTITY";
    case DenialCode::kInvalidPrice: return "INVALID_PRICE";
    case DenialCode::kInvalidId: return "INVALID_ID";
    case DenialCode::kMaxQuantity: return "MAX_QUANTITY";
    case DenialCode::kMaxNotional: return "MAX_NOTIONAL";
    case DenialCode::kPriceCollar: return "PRICE_COLLAR";
    case DenialCode::kStaleMark: return "STALE_MARK";
    case DenialCode::kAccountHalted: return "ACCOUNT_HALTED";
    case DenialCode::kDuplicateClOrdId: return "DUPLICATE_CLORDID";
    case DenialCode::kMaintenanceBreach: return "MAINTENANCE_BREACH";
    case DenialCode::kInsufficientMargin: return "INSUFFICIENT_MARGIN";
    case DenialCode::kCurrencyMismatch: return "CURRENCY_MISMATCH";
    case DenialCode::kUnknownOrder: return "UNKNOWN_ORDER";
    case DenialCode::kOrderNotReplaceable: return "ORDER_NOT_REPLACEABLE";
    case DenialCode::kValueOutOfRange: return "VALUE_OUT_OF_RANGE";
    case DenialCode::kInvalidAmount: return "INVALID_AMOUNT";
    case DenialCode::kWithdrawalBreachesInitial: return "WITHDRAWAL_BREACHES_INITIAL";
    case DenialCode::kWithdrawalExceedsCash: return "WITHDRAWAL_EXCEEDS_CASH";
    case DenialCode::kAccountInCall: return "ACCOUNT_IN_CALL";
    case DenialCode::kStoreUnavailable: return "STORE_UNAVAILABLE";
  }
  return "UNKNOWN_DENIAL";
}

const DenialDetail* Denial::find(std::string_view name) const {
  for (std::size_t i = 0; i < size_; ++i) {
    if (details_[i].name == name) return &details_[i];
  }
  return nullptr;
}

std::string Denial::format() const {
  std::string text(toString(code_));
  text += ':';
  for (std::size_t i = 0; i < size_; ++i) {
    const DenialDetail& detail = details_[i];
    text += ' ';
    text += detail.name;
    text += '=';
    switch (detail.kind) {
      case DenialDetail::Kind::kMillis:
        text += std::to_string(detail.value);
        text += "ms";
        break;
      case DenialDetail::Kind::kText:
        text += detail.text;
        break;
      default:
        text += formatRawDecimal(detail.value);
        break;
    }
  }
  return text;
}

}  // namespace risk
