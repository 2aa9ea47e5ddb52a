// The forwarder's venue-side order ids: "<session index>:<client's id>" and back.

#include "tools/fix_forwarder/cl_ord_id_prefix.h"

#include <gtest/gtest.h>

namespace fix_forwarder {
namespace {

TEST(ClOrdIdPrefix, PrefixesWithTheSessionIndex) {
  EXPECT_EQ(prefixClOrdId(0, "ORD-1"), "0:ORD-1");
  EXPECT_EQ(prefixClOrdId(499, "a:b"), "499:a:b");
}

TEST(ClOrdIdPrefix, SplitRestoresIndexAndClientId) {
  std::size_t index = 7;
  std::string clientId;
  ASSERT_TRUE(splitClOrdId(prefixClOrdId(499, "a:b"), index, clientId));
  EXPECT_EQ(index, 499u);
  EXPECT_EQ(clientId, "a:b");
  ASSERT_TRUE(splitClOrdId("3:", index, clientId));
  EXPECT_EQ(index, 3u);
  EXPECT_EQ(clientId, "");
}

TEST(ClOrdIdPrefix, SplitRefusesIdsWithoutAPrefix) {
  std::size_t index = 0;
  std::string clientId;
  EXPECT_FALSE(splitClOrdId("ORD-1", index, clientId));
  EXPECT_FALSE(splitClOrdId(":ORD-1", index, clientId));
  EXPECT_FALSE(splitClOrdId("x1:ORD-1", index, clientId));
  EXPECT_FALSE(splitClOrdId("1234567890:ORD-1", index, clientId));
  EXPECT_FALSE(splitClOrdId("LIQ-MC-2-1", index, clientId));
}

}  // namespace
}  // namespace fix_forwarder
