#include "tools/gatewayctl/text_table.h"

#include <algorithm>

namespace gatewayctl {
namespace {

bool looksNumeric(const std::string& cell) {
  if (cell == "-") return true;
  const std::size_t start = !cell.empty() && (cell[0] == '-' || cell[0] == '+') ? 1 : 0;
  bool digit = false;
  for (std::size_t i = start; i < cell.size(); ++i) {
    if (cell[i] >= '0' && cell[i] <= '9') {
      digit = true;
    } else if (cell[i] != '.') {
      return false;
    }
  }
  return digit;
}

std::vector<bool> numericColumns(const std::vector<TableRow>& rows, std::size_t columns) {
  std::vector<bool> numeric(columns, true);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    for (std::size_t i = 0; i < rows[r].size(); ++i) numeric[i] = numeric[i] && looksNumeric(rows[r][i]);
  }
  return numeric;
}

}  // namespace

void printTable(std::ostream& out, const std::vector<TableRow>& rows, const std::string& indent) {
  std::vector<std::size_t> widths;
  for (const TableRow& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  const std::vector<bool> numeric = numericColumns(rows, widths.size());
  for (const TableRow& row : rows) {
    std::string line = indent;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string padding(widths[i] - row[i].size(), ' ');
      if (i > 0) line += "  ";
      line += numeric[i] ? padding + row[i] : row[i] + padding;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

}  // namespace gatewayctl
