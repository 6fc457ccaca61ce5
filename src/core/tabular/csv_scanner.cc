#include "core/tabular/csv_scanner.h"

namespace anju::tabular {

bool CsvScanner::Fail(size_t line, std::string what, bool too_long) {
  error_ = {line, std::move(what), too_long};
  return false;
}

bool CsvScanner::Append(char c) {
  if (max_cell_ != 0 && cell_.size() >= max_cell_)
    return Fail(state_ == State::kQuoted ? quote_line_ : line_,
                "a cell is longer than " + std::to_string(max_cell_) +
                    " bytes (is a quote not closed?)",
                true);
  cell_ += c;
  return true;
}

void CsvScanner::EndCell() {
  row_.push_back(std::move(cell_));
  cell_.clear();
}

void CsvScanner::EndRow(std::vector<CsvScannedRow>& out) {
  EndCell();
  if (row_has_data_ || row_.size() > 1) out.push_back({row_line_, std::move(row_)});
  row_.clear();
  row_has_data_ = false;
}

bool CsvScanner::Feed(std::string_view text, std::vector<CsvScannedRow>& out) {
  for (char c : text) {
    switch (state_) {
      case State::kAfterCr:  // a CR ended the row; an LF right after it belongs to it
        state_ = State::kCellStart;
        if (c == '\n') continue;
        [[fallthrough]];
      case State::kCellStart:
        if (row_.empty() && cell_.empty()) row_line_ = line_;
        if (c == '"') {
          state_ = State::kQuoted;
          quote_line_ = line_;
          row_has_data_ = true;
          continue;
        }
        state_ = State::kUnquoted;
        [[fallthrough]];
      case State::kUnquoted:
        if (c == ',') {
          EndCell();
          state_ = State::kCellStart;
        } else if (c == '\r' || c == '\n') {
          EndRow(out);
          ++line_;
          state_ = c == '\r' ? State::kAfterCr : State::kCellStart;
        } else {
          if (!Append(c)) return false;
          row_has_data_ = true;
        }
        continue;
      case State::kQuoted:
        if (c == '"') {
          state_ = State::kQuoteInQuoted;
        } else {
          if (c == '\n') ++line_;
          if (!Append(c)) return false;
        }
        continue;
      case State::kQuoteInQuoted:
        if (c == '"') {  // "" is a quote
          if (!Append('"')) return false;
          state_ = State::kQuoted;
        } else if (c == ',') {
          EndCell();
          state_ = State::kCellStart;
        } else if (c == '\r' || c == '\n') {
          EndRow(out);
          ++line_;
          state_ = c == '\r' ? State::kAfterCr : State::kCellStart;
        } else {
          return Fail(line_, "text after a closing quote");
        }
        continue;
    }
  }
  return true;
}

bool CsvScanner::Finish(std::vector<CsvScannedRow>& out) {
  if (state_ == State::kQuoted) return Fail(quote_line_, "a quote is not closed");
  if (!cell_.empty() || !row_.empty() || row_has_data_) EndRow(out);
  state_ = State::kCellStart;
  return true;
}

}  // namespace anju::tabular
