// JsonWriter writes what nlohmann::json writes for the same values, and always valid JSON.
#include "gateway/core/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace gateway::core {
namespace {

std::string oneField(const std::string& value) {
  std::string text;
  JsonWriter out(text);
  out.beginObject();
  out.field("v", value);
  out.endObject();
  return text;
}

TEST(JsonWriterTest, FieldsOfEveryKindAsNlohmannWritesThem) {
  std::string text;
  JsonWriter out(text);
  out.beginObject();
  out.field("i", std::int64_t{-9'223'372'036'854'775'807 - 1});
  out.field("u", std::uint32_t{4'294'967'295u});
  out.field("n", 7);
  out.field("c", '3');
  out.field("t", true);
  out.field("f", false);
  out.field("s", std::string("ESZ6"));
  out.field("l", "literal");
  out.field("a", std::vector<std::string>{"x", "y\"z"});
  out.field("e", std::vector<std::string>{});
  out.endObject();
  EXPECT_EQ(text,
            "{\"i\":-9223372036854775808,\"u\":4294967295,\"n\":7,\"c\":51,\"t\":true,\"f\":false,"
            "\"s\":\"ESZ6\",\"l\":\"literal\",\"a\":[\"x\",\"y\\\"z\"],\"e\":[]}");
  const auto parsed = nlohmann::json::parse(text);
  EXPECT_EQ(parsed.at("c").get<char>(), '3');
  EXPECT_EQ(parsed.at("a").get<std::vector<std::string>>(), (std::vector<std::string>{"x", "y\"z"}));
}

TEST(JsonWriterTest, NullsAndNestedObjects) {
  std::string text;
  JsonWriter out(text);
  out.beginObject();
  out.nullField("health");
  out.beginObject("trigger");
  out.field("kind", "mark");
  out.beginObject("empty");
  out.endObject();
  out.endObject();
  out.field("after", 1);
  out.endObject();
  EXPECT_EQ(text, R"({"health":null,"trigger":{"kind":"mark","empty":{}},"after":1})");
  const auto parsed = nlohmann::json::parse(text);
  EXPECT_TRUE(parsed.at("health").is_null());
  EXPECT_EQ(parsed.at("trigger").at("kind"), "mark");
}

TEST(JsonWriterTest, StringsAreEscapedExactlyAsNlohmannEscapesThem) {
  std::string every;  // every byte below 0x80
  for (int c = 0; c < 0x80; ++c) every += static_cast<char>(c);
  for (const std::string& value : {std::string(), std::string("plain"), every,
                                   std::string("quote \" backslash \\ slash / tab \t"),
                                   std::string("Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x92\xB6")}) {
    const std::string expected = nlohmann::json{{"v", value}}.dump();
    EXPECT_EQ(oneField(value), expected) << value;
  }
}

TEST(JsonWriterTest, BytesThatAreNotUtf8BecomeReplacementCharactersAndTheResultParses) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(oneField("\xE9t\xE9"), "{\"v\":\"" + replacement + "t" + replacement + "\"}");
  // Everything that nlohmann::json::dump() refuses, written anyway; the text parses back to valid
  // UTF-8 with the same valid parts.
  std::string bytes(4, '\0');
  for (int a = 0x80; a < 0x100; ++a) {
    for (int b = 0; b < 0x100; b += 5) {
      bytes[0] = 'A';
      bytes[1] = static_cast<char>(a);
      bytes[2] = static_cast<char>(b);
      bytes[3] = '"';
      const std::string text = oneField(bytes);
      nlohmann::json parsed;
      ASSERT_NO_THROW(parsed = nlohmann::json::parse(text)) << a << " " << b;
      const std::string back = parsed.at("v").get<std::string>();
      EXPECT_EQ(back.front(), 'A');
      EXPECT_EQ(back.back(), '"');
    }
  }
}

}  // namespace
}  // namespace gateway::core
