#pragma once

// Names built from formats and send indexes: '{n}' in a format becomes the session number
// (1..N); ClOrdID carries the run tag, the step and the send index ("<tag>-<step>-<index>") so
// that an ExecutionReport names the order it answers and a later run never repeats an ID.

#include <cstdint>
#include <string>
#include <vector>

namespace fix_load {

// Every "{n}" in `format` replaced by `n` ("LOAD{n}", 7 -> "LOAD7"). A format without "{n}" is
// returned unchanged.
std::string expandFormat(const std::string& format, int n);

std::string formatClOrdId(const std::string& runTag, int step, std::int64_t index);

// The step and the send index of a ClOrdID written by formatClOrdId with this run tag; false for
// any other text.
bool parseClOrdId(const std::string& clOrdId, const std::string& runTag, int& step, std::int64_t& index);

// A short tag unique to this run (base-36 of the wall clock in microseconds).
std::string makeRunTag();

// "1000,2000,5k,10000" -> rates; a 'k' suffix multiplies by 1000. False and `error` when an item is
// not a positive number.
bool parseRateList(const std::string& text, std::vector<double>& rates, std::string& error);

// True when `text` is a plain positive decimal ("100", "0.5"), the form FIX prices and quantities take.
bool isPositiveDecimal(const std::string& text);

}  // namespace fix_load
