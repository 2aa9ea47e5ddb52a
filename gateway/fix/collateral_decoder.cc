#include "gateway/fix/collateral_decoder.h"

#include <quickfix/Exceptions.h>
#include <quickfix/FieldNumbers.h>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

constexpr char kSubscriptionTypes[] = "012";
constexpr char kAssignmentTransTypes[] = "01234";
constexpr int kQtyTypeUnits = 0;
constexpr int kLastAssignmentReason = 7;  // 0 initial ... 7 adverse tax event (FIX 4.4)
constexpr int kLastPositionRequestType = 3;  // 0 positions ... 3 assignments (FIX 4.4)

// An integer field between `low` and `high`; IncorrectTagValue otherwise.
int requiredIntWithin(const FIX::FieldMap& fields, int tag, int low, int high) {
  const int value = requiredInt(fields, tag);
  if (value < low || value > high) throw FIX::IncorrectTagValue(tag);
  return value;
}

}  // namespace

bridge::ClientCollateralInquiry decodeCollateralInquiry(const FIX::Message& message,
                                                        bridge::SessionIndex session) {
  bridge::ClientCollateralInquiry inquiry;
  inquiry.session = session;
  inquiry.inquiryId = requiredText(message, FIX::FIELD::CollInquiryID);
  inquiry.subscriptionType =
      optionalChar(message, FIX::FIELD::SubscriptionRequestType, '0', kSubscriptionTypes);
  inquiry.account = optionalText(message, FIX::FIELD::Account);
  return inquiry;
}

bridge::ClientCollateralAssignment decodeCollateralAssignment(const FIX::Message& message,
                                                              bridge::SessionIndex session) {
  bridge::ClientCollateralAssignment assignment;
  assignment.session = session;
  assignment.assignmentId = requiredText(message, FIX::FIELD::CollAsgnID);
  assignment.callId = optionalText(message, FIX::FIELD::CollReqID);
  assignment.reason =
      requiredIntWithin(message, FIX::FIELD::CollAsgnReason, 0, kLastAssignmentReason);
  assignment.transType =
      requiredChar(message, FIX::FIELD::CollAsgnTransType, kAssignmentTransTypes);
  assignment.account = requiredText(message, FIX::FIELD::Account);
  if (optionalInt(message, FIX::FIELD::QtyType, kQtyTypeUnits) != kQtyTypeUnits) {
    throw FIX::IncorrectTagValue(FIX::FIELD::QtyType);
  }
  assignment.hasAmount = optionalDecimal(message, FIX::FIELD::Quantity, assignment.amount);
  assignment.currency = optionalText(message, FIX::FIELD::Currency);
  assignment.text = optionalTextAsUtf8(message, FIX::FIELD::Text);
  return assignment;
}

bridge::ClientPositionRequest decodePositionRequest(const FIX::Message& message,
                                                    bridge::SessionIndex session) {
  bridge::ClientPositionRequest request;
  request.session = session;
  request.requestId = requiredText(message, FIX::FIELD::PosReqID);
  request.requestType =
      requiredIntWithin(message, FIX::FIELD::PosReqType, 0, kLastPositionRequestType);
  request.account = requiredText(message, FIX::FIELD::Account);
  request.clearingBusinessDate = optionalText(message, FIX::FIELD::ClearingBusinessDate);
  return request;
}

}  // namespace fix
}  // namespace gateway
