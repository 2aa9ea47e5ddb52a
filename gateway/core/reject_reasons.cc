#include "gateway/core/reject_reasons.h"

namespace gateway::core {

int ordRejReasonFor(risk::DenialCode code) {
  using risk::DenialCode;
  switch (code) {
    case DenialCode::kUnknownAccount: return kOrdRejUnknownAccount;
    case DenialCode::kUnknownInstrument: return kOrdRejUnknownSymbol;
    case DenialCode::kDuplicateClOrdId: return kOrdRejDuplicate;
    case DenialCode::kInvalidQuantity: return kOrdRejIncorrectQuantity;
    case DenialCode::kUnknownOrder: return kOrdRejUnknownOrder;
    // Margin and limits.
    case DenialCode::kMaxQuantity:
    case DenialCode::kMaxNotional:
    case DenialCode::kPriceCollar:
    case DenialCode::kMaintenanceBreach:
    case DenialCode::kInsufficientMargin:
      return kOrdRejExceedsLimit;
    default:
      return kOrdRejOther;
  }
}

int cxlRejReasonFor(risk::DenialCode code) {
  return code == risk::DenialCode::kUnknownOrder ? kCxlRejUnknownOrder : kCxlRejBrokerOption;
}

}  // namespace gateway::core
