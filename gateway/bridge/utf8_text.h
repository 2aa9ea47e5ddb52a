#pragma once

// Text fields as the gateway accepts them. Everything the risk thread processes is journaled as JSON,
// and JSON holds only valid UTF-8, so text is checked where it enters (C++14-clean: the FIX side
// uses these too).
//
//  * identifiers (ClOrdID, Account, Symbol, ExecID, ...) must be plain text: valid UTF-8 with no
//    control character (below 0x20, or 0x7F). Anything else is refused at the edge with a FIX
//    reject naming the tag;
//  * free text (Text, 58) is kept whatever it holds, with each byte sequence that is not UTF-8
//    replaced by U+FFFD: a venue's Latin-1 comment must not cost the fill it came with.

#include <cstddef>
#include <string>

namespace gateway {
namespace bridge {

// The length of the UTF-8 sequence at `text` (1 to 4) when it is valid (shortest form, no
// surrogates, at most U+10FFFF); otherwise 0, and `invalid` is set to the length of the longest
// start of a valid sequence found there (at least 1): the bytes one U+FFFD replaces.
std::size_t utf8SequenceLength(const unsigned char* text, std::size_t size, std::size_t& invalid);

// Valid UTF-8 with no control character.
bool isPlainText(const std::string& text);

// `text` with each invalid sequence (as utf8SequenceLength delimits it) replaced by U+FFFD.
std::string withValidUtf8(const std::string& text);

}  // namespace bridge
}  // namespace gateway
