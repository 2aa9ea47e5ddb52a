#pragma once

// RFC 4180 CSV: fields holding a comma, a double quote, CR or LF are quoted (quotes doubled);
// records end with CRLF.

#include <ostream>
#include <string>
#include <vector>

namespace calllog {

std::string csvField(const std::string& field);

void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace calllog
