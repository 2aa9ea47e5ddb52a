#pragma once

// Aligned plain-text tables: numeric columns right-aligned, the others left-aligned.

#include <ostream>
#include <string>
#include <vector>

namespace gatewayctl {

using TableRow = std::vector<std::string>;

// The first row is the heading. A column is numeric when every cell below the heading is a decimal
// ("-5125.00") or "-". Every line starts with `indent`.
void printTable(std::ostream& out, const std::vector<TableRow>& rows, const std::string& indent = "");

}  // namespace gatewayctl
