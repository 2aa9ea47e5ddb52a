#pragma once

// One readable line for a FIX message:
//   ExecutionReport ClOrdID=A-1 ExecType=F(TRADE) OrdStatus=2(FILLED) LastQty=10 Text="..."
// Body fields only, in wire order (repeating groups inline, count field first); names and enum
// descriptions from the dictionary, numbers where it has none. Text (58) is always quoted, other
// values when they hold spaces or quotes (with \" and \\ inside, as the script language reads
// them). QuickFIX side (gnu++14).

#include <string>
#include <vector>

#include <quickfix/Message.h>

#include "tools/fix_client/fix_dictionary.h"
#include "tools/fix_client/received_message.h"

namespace fix_client {

// The body fields of `message` in the order they go on the wire.
std::vector<BodyField> bodyFields(const FIX::Message& message);

std::string messageText(const std::string& msgType, const std::vector<BodyField>& fields,
                        const FixDictionary& dictionary);

// Type, body fields and text of `message`.
ReceivedMessage describeMessage(const FIX::Message& message, const FixDictionary& dictionary);

}  // namespace fix_client
