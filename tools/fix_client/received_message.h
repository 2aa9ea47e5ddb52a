#pragma once

// A received message as the script sees it: its type and body fields in wire order (repeating
// groups flattened), plus its readable line. C++14-clean, no QuickFIX.

#include <string>
#include <vector>

namespace fix_client {

struct BodyField {
  int tag = 0;
  std::string value;
};

struct ReceivedMessage {
  std::string msgType;             // MsgType code ("8")
  std::vector<BodyField> fields;   // body only: no header or trailer fields
  std::string text;                // "ExecutionReport ClOrdID=A-1 ..." (see message_text.h)
};

}  // namespace fix_client
