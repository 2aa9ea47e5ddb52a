#include "tools/calllog/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace calllog {
namespace {

TEST(CsvWriterTest, QuotesOnlyFieldsThatNeedIt) {
  EXPECT_EQ(csvField("MC-1"), "MC-1");
  EXPECT_EQ(csvField(""), "");
  EXPECT_EQ(csvField("55000.12345678"), "55000.12345678");
  EXPECT_EQ(csvField("CLIENT1,CLIENT2"), "\"CLIENT1,CLIENT2\"");
  EXPECT_EQ(csvField("WIRE 42, \"urgent\""), "\"WIRE 42, \"\"urgent\"\"\"");
  EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csvField("carriage\rreturn"), "\"carriage\rreturn\"");
  EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvField("leading space"), "leading space");
}

TEST(CsvWriterTest, RowsAreCommaSeparatedAndEndWithCrLf) {
  std::ostringstream out;
  writeCsvRow(out, {"call_id", "sessions", ""});
  writeCsvRow(out, {"MC-1", "CLIENT1,CLIENT2", "x"});
  EXPECT_EQ(out.str(), "call_id,sessions,\r\nMC-1,\"CLIENT1,CLIENT2\",x\r\n");
}

}  // namespace
}  // namespace calllog
