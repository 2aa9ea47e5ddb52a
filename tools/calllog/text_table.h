#pragma once

// Aligned plain-text tables for the terminal: amounts and counts right-aligned, the rest left.

#include <ostream>
#include <string>
#include <vector>

namespace calllog {

using TableRow = std::vector<std::string>;

// The first row is the heading. A column is right-aligned when every cell below the heading is a
// decimal number or "-".
void printTable(std::ostream& out, const std::vector<TableRow>& rows);

}  // namespace calllog
