// Which text the gateway takes as it is, and what it makes of bytes that are not UTF-8.
#include "gateway/bridge/utf8_text.h"

#include <gtest/gtest.h>

namespace gateway::bridge {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST(Utf8TextTest, PlainTextIsPrintableAsciiAndValidUtf8) {
  EXPECT_TRUE(isPlainText(""));
  EXPECT_TRUE(isPlainText("ACC-1 / ESZ6 \"x\" \\ ~"));
  EXPECT_TRUE(isPlainText("Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x92\xB6"));  // Zürich € 💶
  EXPECT_TRUE(isPlainText("\xEF\xBF\xBF\xF4\x8F\xBF\xBF"));                // U+FFFF, U+10FFFF
}

TEST(Utf8TextTest, ControlCharactersAreNotPlainText) {
  EXPECT_FALSE(isPlainText(std::string("A\0B", 3)));
  EXPECT_FALSE(isPlainText("A\nB"));
  EXPECT_FALSE(isPlainText("A\tB"));
  EXPECT_FALSE(isPlainText("A\x1F"));
  EXPECT_FALSE(isPlainText("A\x7F"));
}

TEST(Utf8TextTest, WhatIsNotUtf8IsNotPlainText) {
  EXPECT_FALSE(isPlainText("A\xFF"));              // never in UTF-8
  EXPECT_FALSE(isPlainText("\xE9t\xE9"));          // Latin-1 "été"
  EXPECT_FALSE(isPlainText("\xC3"));               // cut short
  EXPECT_FALSE(isPlainText("\xE2\x82"));           // cut short
  EXPECT_FALSE(isPlainText("\x80"));               // a continuation alone
  EXPECT_FALSE(isPlainText("\xC0\xAF"));           // overlong '/'
  EXPECT_FALSE(isPlainText("\xE0\x80\xAF"));       // overlong '/'
  EXPECT_FALSE(isPlainText("\xF0\x80\x80\xAF"));   // overlong '/'
  EXPECT_FALSE(isPlainText("\xED\xA0\x80"));       // a surrogate, U+D800
  EXPECT_FALSE(isPlainText("\xF4\x90\x80\x80"));   // past U+10FFFF
  EXPECT_FALSE(isPlainText("\xF5\x80\x80\x80"));
}

TEST(Utf8TextTest, ValidTextComesBackUnchanged) {
  for (const std::string text : {"", "plain", "A\tB\n", "Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x92\xB6"}) {
    EXPECT_EQ(withValidUtf8(text), text);
  }
}

TEST(Utf8TextTest, EachInvalidSequenceBecomesOneReplacementCharacter) {
  EXPECT_EQ(withValidUtf8("\xE9t\xE9"), kReplacement + "t" + kReplacement);
  EXPECT_EQ(withValidUtf8("A\xFF\xFE" "B"), "A" + kReplacement + kReplacement + "B");
  // The longest start of a valid sequence is replaced as one: E2 82 followed by 'x'.
  EXPECT_EQ(withValidUtf8("\xE2\x82x"), kReplacement + "x");
  // At the end of the text too.
  EXPECT_EQ(withValidUtf8("ab\xF0\x9F\x92"), "ab" + kReplacement);
  // An overlong or surrogate lead is invalid on its own; its continuations each count alone.
  EXPECT_EQ(withValidUtf8("\xC0\xAF"), kReplacement + kReplacement);
  EXPECT_EQ(withValidUtf8("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement);
  // Valid text around the damage is kept byte for byte.
  EXPECT_EQ(withValidUtf8("\xE2\x82\xAC\x80\xE2\x82\xAC"), "\xE2\x82\xAC" + kReplacement + "\xE2\x82\xAC");
}

TEST(Utf8TextTest, TheResultIsAlwaysValid) {
  // Every one- and two-byte string, and every lead byte followed by two arbitrary bytes.
  std::string text(3, '\0');
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 3) {
      text[0] = static_cast<char>(a);
      text[1] = static_cast<char>(b);
      text[2] = static_cast<char>((a * 7 + b) & 0xFF);
      const std::string valid = withValidUtf8(text);
      std::string printable = valid;
      for (char& c : printable) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
      }
      ASSERT_TRUE(isPlainText(printable)) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace gateway::bridge
