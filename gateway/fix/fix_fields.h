#pragma once

// Reading and writing single fields as text, the way every decoder and encoder here does.
//
// Inbound rules (what QuickFIX answers when these throw out of fromApp/fromAdmin):
//  * a required field that is absent throws FIX::FieldNotFound(tag): for an application message
//    QuickFIX answers a BusinessMessageReject, BusinessRejectReason 380=5 (conditionally required
//    field missing), RefTagID in the Text;
//  * a value that is present but not acceptable (not an exact decimal with at most 8 places, not
//    an integer, not one of the allowed characters, an identifier that is not plain text) throws
//    FIX::IncorrectTagValue(tag): QuickFIX
//    answers a session-level Reject, SessionRejectReason 373=5 (value is incorrect), RefTagID=tag.
// Decimals are read from the field's text with parseFixDecimal, never through double.

#include <quickfix/FieldMap.h>
#include <quickfix/Message.h>

#include <cstdint>
#include <string>

namespace gateway {
namespace fix {

// The gateway's own tag on ExecutionReport and OrderCancelReject (see the data dictionary).
constexpr int kRiskRejectCodeTag = 5006;

// An empty application message of `msgType`; QuickFIX fills the rest of the header on sending.
FIX::Message messageOfType(const char* msgType);

// Identifiers and codes: plain text only (valid UTF-8, no control character; see
// gateway/bridge/utf8_text.h), otherwise IncorrectTagValue(tag). Absent optional text is "".
const std::string& requiredText(const FIX::FieldMap& fields, int tag);
std::string optionalText(const FIX::FieldMap& fields, int tag);
// Text kept whatever it holds, with what is not UTF-8 replaced by U+FFFD: free text (Text, 58)
// from anyone, and every text field of the venue's reports (a report refused for a stray byte
// would lose the fill it carries).
std::string requiredTextAsUtf8(const FIX::FieldMap& fields, int tag);
std::string optionalTextAsUtf8(const FIX::FieldMap& fields, int tag);

std::int64_t requiredDecimal(const FIX::FieldMap& fields, int tag);
// False when absent; throws IncorrectTagValue when present but not a decimal.
bool optionalDecimal(const FIX::FieldMap& fields, int tag, std::int64_t& value);

// A one-character field whose value is in `allowed` (any character when `allowed` is null).
char requiredChar(const FIX::FieldMap& fields, int tag, const char* allowed = nullptr);
char optionalChar(const FIX::FieldMap& fields, int tag, char absent, const char* allowed = nullptr);

int requiredInt(const FIX::FieldMap& fields, int tag);
int optionalInt(const FIX::FieldMap& fields, int tag, int absent);

// Outbound required text: throws std::invalid_argument naming the tag when `value` is empty (the
// peer's dictionary would refuse the message; the caller logs and does not send it).
void setText(FIX::FieldMap& fields, int tag, const std::string& value);
// Leaves the field out when `value` is empty.
void setTextIfAny(FIX::FieldMap& fields, int tag, const std::string& value);
void setChar(FIX::FieldMap& fields, int tag, char value);
void setInt(FIX::FieldMap& fields, int tag, int value);
void setDecimal(FIX::FieldMap& fields, int tag, std::int64_t raw);
// TransactTime (60) = now, UTC, milliseconds.
void setTransactTimeNow(FIX::FieldMap& fields);
// A UTCTimestamp with milliseconds (YYYYMMDD-HH:MM:SS.sss) from nanoseconds since the Unix epoch,
// truncated to the millisecond. Throws std::invalid_argument for a time before the epoch.
void setUtcTimestamp(FIX::FieldMap& fields, int tag, std::int64_t nanosSinceEpoch);

}  // namespace fix
}  // namespace gateway
