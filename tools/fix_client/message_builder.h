#pragma once

// Builds the FIX messages a script sends. Prices and quantities go out as the exact decimal text
// the parser produced; nothing passes through double. The session fills in the header.
// QuickFIX side (gnu++14).

#include <string>
#include <vector>

#include <quickfix/Message.h>

#include "tools/fix_client/fix_dictionary.h"
#include "tools/fix_client/script_command.h"

namespace fix_client {

// NewOrderSingle (D): OrdType 2 with Price, or 1 for a market order; TransactTime now.
FIX::Message newOrderSingle(const OrderParams& order);
// OrderCancelRequest (F); TransactTime now.
FIX::Message orderCancelRequest(const OrderParams& order);
// OrderCancelReplaceRequest (G): OrdType 2 with the new Price and OrderQty; TransactTime now.
FIX::Message orderCancelReplaceRequest(const OrderParams& order);

// `send`: a message of type `msgTypeCode` with `fields` (tags resolved) in the order given.
// A field that is a repeating group's count on this message type in the dictionary
// (NoMDEntryTypes=2) must be followed by that many entries, each starting with the group's first
// field and holding only the group's fields (groups nest the same way). Header tags go to the
// header. False and `error` set on a repeated field outside a group, a wrong entry count, an entry
// that does not start with the group's first field, or a trailer tag.
bool buildMessage(const std::string& msgTypeCode, const std::vector<FieldValue>& fields,
                  const FixDictionary& dictionary, FIX::Message& message, std::string& error);

}  // namespace fix_client
