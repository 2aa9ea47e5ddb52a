#include "gateway/fix/position_encoder.h"

#include <quickfix/FieldConvertors.h>
#include <quickfix/FieldNumbers.h>
#include <quickfix/FieldTypes.h>
#include <quickfix/Group.h>

#include <string>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

constexpr int kAccountTypeCustomer = 1;   // AccountType 581: carried on the customer side
constexpr char kPartyIdSourceProprietary = 'D';  // PartyIDSource 447
constexpr int kPartyRoleCustomerAccount = 24;    // PartyRole 452
constexpr int kPosReqResultValid = 0;     // PosReqResult 728
constexpr int kSettlPriceTheoretical = 2;  // SettlPriceType 731: an intraday mark
constexpr char kPosTypeTotal[] = "TOT";    // PosType 703: total transaction quantity
constexpr char kPosAmtTypeVariation[] = "TVAR";  // PosAmtType 707: trade variation amount

// Account, AccountType and the Parties block naming the same account.
void setPositionAccount(FIX::Message& message, const std::string& account) {
  setText(message, FIX::FIELD::Account, account);
  setInt(message, FIX::FIELD::AccountType, kAccountTypeCustomer);
  FIX::Group party(FIX::FIELD::NoPartyIDs, FIX::FIELD::PartyID);
  setText(party, FIX::FIELD::PartyID, account);
  setChar(party, FIX::FIELD::PartyIDSource, kPartyIdSourceProprietary);
  setInt(party, FIX::FIELD::PartyRole, kPartyRoleCustomerAccount);
  message.addGroup(party);
}

std::string todayUtc() { return FIX::UtcDateConvertor::convert(FIX::UtcDate()); }

}  // namespace

FIX::Message encodePositionRequestAck(const bridge::PositionRequestAckOut& ack) {
  FIX::Message message = messageOfType("AO");
  setText(message, FIX::FIELD::PosMaintRptID, ack.reportId);
  setTextIfAny(message, FIX::FIELD::PosReqID, ack.requestId);
  setInt(message, FIX::FIELD::TotalNumPosReports, ack.totalReports);
  setInt(message, FIX::FIELD::PosReqResult, ack.result);
  setInt(message, FIX::FIELD::PosReqStatus, ack.status);
  setPositionAccount(message, ack.account);
  setTextIfAny(message, FIX::FIELD::Text, ack.text);
  return message;
}

FIX::Message encodePositionReport(const bridge::PositionReportOut& report) {
  FIX::Message message = messageOfType("AP");
  setText(message, FIX::FIELD::PosMaintRptID, report.reportId);
  setTextIfAny(message, FIX::FIELD::PosReqID, report.requestId);
  setInt(message, FIX::FIELD::TotalNumPosReports, report.totalReports);
  setInt(message, FIX::FIELD::PosReqResult, kPosReqResultValid);
  setText(message, FIX::FIELD::ClearingBusinessDate,
          report.clearingBusinessDate.empty() ? todayUtc() : report.clearingBusinessDate);
  setPositionAccount(message, report.account);
  setText(message, FIX::FIELD::Symbol, report.symbol);
  setTextIfAny(message, FIX::FIELD::Currency, report.currency);
  setDecimal(message, FIX::FIELD::SettlPrice, report.settlPrice);
  setInt(message, FIX::FIELD::SettlPriceType, kSettlPriceTheoretical);
  setDecimal(message, FIX::FIELD::PriorSettlPrice, report.priorSettlPrice);

  FIX::Group position(FIX::FIELD::NoPositions, FIX::FIELD::PosType);
  setText(position, FIX::FIELD::PosType, kPosTypeTotal);
  setDecimal(position, FIX::FIELD::LongQty, report.longQty);
  setDecimal(position, FIX::FIELD::ShortQty, report.shortQty);
  message.addGroup(position);

  FIX::Group amount(FIX::FIELD::NoPosAmt, FIX::FIELD::PosAmtType);
  setText(amount, FIX::FIELD::PosAmtType, kPosAmtTypeVariation);
  setDecimal(amount, FIX::FIELD::PosAmt, report.unrealized);
  message.addGroup(amount);
  return message;
}

}  // namespace fix
}  // namespace gateway
