#include "tools/calllog/text_table.h"

#include <algorithm>

namespace calllog {
namespace {

bool isNumber(const std::string& cell) {
  if (cell == "-") return true;
  std::size_t i = !cell.empty() && cell[0] == '-' ? 1 : 0;
  bool sawDigit = false;
  bool sawPoint = false;
  for (; i < cell.size(); ++i) {
    if (cell[i] >= '0' && cell[i] <= '9') {
      sawDigit = true;
    } else if (cell[i] == '.' && !sawPoint) {
      sawPoint = true;
    } else {
      return false;
    }
  }
  return sawDigit;
}

}  // namespace

void printTable(std::ostream& out, const std::vector<TableRow>& rows) {
  std::vector<std::size_t> widths;
  for (const TableRow& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::vector<bool> rightAligned(widths.size(), rows.size() > 1);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      rightAligned[i] = rightAligned[i] && isNumber(rows[r][i]);
    }
  }
  for (const TableRow& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string padding(widths[i] - row[i].size(), ' ');
      if (i > 0) line += "  ";
      line += rightAligned[i] ? padding + row[i] : row[i] + padding;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

}  // namespace calllog
