#include "gateway/fix/collateral_encoder.h"

#include <quickfix/FieldNumbers.h>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

// The gateway's user-defined tags on AX and BA (see the data dictionary).
constexpr int kMaintenanceMarginTag = 5001;
constexpr int kInitialMarginTag = 5002;
constexpr int kDeficitToMaintenanceTag = 5003;
constexpr int kMarginHealthTag = 5004;
constexpr int kMarginStateTag = 5005;
constexpr int kAvailableFundsTag = 5007;
constexpr int kAmountToCureTag = 5008;

constexpr int kReasonMarginDeficiency = 3;  // CollAsgnReason 895
constexpr int kQtyTypeUnits = 0;            // QtyType 854

void setMarginNumbers(FIX::Message& message, const bridge::MarginNumbers& numbers) {
  setTextIfAny(message, FIX::FIELD::Currency, numbers.currency);
  setDecimal(message, FIX::FIELD::TotalNetValue, numbers.equity);
  setDecimal(message, kMaintenanceMarginTag, numbers.maintenance);
  setDecimal(message, kInitialMarginTag, numbers.initial);
  setDecimal(message, kDeficitToMaintenanceTag, numbers.deficitToMaintenance);
  if (!numbers.healthUnbounded) setDecimal(message, kMarginHealthTag, numbers.health);
  setTextIfAny(message, kMarginStateTag, numbers.state);
  setDecimal(message, kAvailableFundsTag, numbers.availableFunds);
  setDecimal(message, kAmountToCureTag, numbers.amountToCure);
}

}  // namespace

FIX::Message encodeCollateralRequest(const bridge::CollateralRequestOut& call) {
  FIX::Message message = messageOfType("AX");
  setText(message, FIX::FIELD::CollReqID, call.callId);
  setInt(message, FIX::FIELD::CollAsgnReason, kReasonMarginDeficiency);
  setTransactTimeNow(message);
  if (call.expireTimeNanos > 0) {
    setUtcTimestamp(message, FIX::FIELD::ExpireTime, call.expireTimeNanos);
  }
  setText(message, FIX::FIELD::Account, call.account);
  setDecimal(message, FIX::FIELD::MarginExcess, call.marginExcess);
  setMarginNumbers(message, call.numbers);
  setTextIfAny(message, FIX::FIELD::Text, call.text);
  return message;
}

FIX::Message encodeCollateralReport(const bridge::CollateralReportOut& report) {
  FIX::Message message = messageOfType("BA");
  setText(message, FIX::FIELD::CollRptID, report.reportId);
  setTextIfAny(message, FIX::FIELD::CollInquiryID, report.inquiryId);
  setInt(message, FIX::FIELD::CollStatus, report.collStatus);
  setText(message, FIX::FIELD::Account, report.account);
  setDecimal(message, FIX::FIELD::MarginExcess, report.marginExcess);
  setDecimal(message, FIX::FIELD::CashOutstanding, report.cashOutstanding);
  setMarginNumbers(message, report.numbers);
  setTransactTimeNow(message);
  setTextIfAny(message, FIX::FIELD::Text, report.text);
  return message;
}

FIX::Message encodeCollateralInquiryAck(const bridge::CollateralInquiryAckOut& ack) {
  FIX::Message message = messageOfType("BG");
  setText(message, FIX::FIELD::CollInquiryID, ack.inquiryId);
  setInt(message, FIX::FIELD::CollInquiryStatus, ack.status);
  if (ack.result >= 0) setInt(message, FIX::FIELD::CollInquiryResult, ack.result);
  setTextIfAny(message, FIX::FIELD::Account, ack.account);
  if (ack.totalReports >= 0) setInt(message, FIX::FIELD::TotNumReports, ack.totalReports);
  setTextIfAny(message, FIX::FIELD::Text, ack.text);
  return message;
}

FIX::Message encodeCollateralResponse(const bridge::CollateralResponseOut& response) {
  FIX::Message message = messageOfType("AZ");
  setText(message, FIX::FIELD::CollRespID, response.responseId);
  setText(message, FIX::FIELD::CollAsgnID, response.assignmentId);
  setTextIfAny(message, FIX::FIELD::CollReqID, response.callId);
  setInt(message, FIX::FIELD::CollAsgnReason, response.reason);
  setInt(message, FIX::FIELD::CollAsgnRespType, response.responseType);
  setTransactTimeNow(message);
  setTextIfAny(message, FIX::FIELD::Account, response.account);
  setTextIfAny(message, FIX::FIELD::Currency, response.currency);
  if (response.hasAmount) {
    setDecimal(message, FIX::FIELD::Quantity, response.amount);
    setInt(message, FIX::FIELD::QtyType, kQtyTypeUnits);
  }
  setTextIfAny(message, FIX::FIELD::Text, response.text);
  return message;
}

}  // namespace fix
}  // namespace gateway
