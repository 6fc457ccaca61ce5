// The .xlsx RowReader: the first worksheet, parsed chunk by chunk (tabular.h, zip_xml.h).
#include <charconv>
#include <cstring>

#include "core/tabular/excel_number.h"
#include "core/tabular/file_error.h"
#include "core/tabular/tabular.h"
#include "core/tabular/xlsx_parts.h"
#include "core/tabular/zip_xml.h"

namespace anju::tabular {

namespace {

// Turns <row>/<c> elements into Rows, queued until Next() hands them out. A chunk of XML
// holds a bounded number of rows, so the queue is bounded too.
class SheetHandler final : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& strings, size_t max_cell)
      : strings_(strings), max_cell_(max_cell) {}

  std::vector<Row> ready;

  void Start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      size_t r = row_ + 1;
      if (const char* a = Attr(attrs, "r")) {
        auto [end, ec] = std::from_chars(a, a + std::strlen(a), r);
        if (ec != std::errc() || *end != '\0' || r == 0 || r > 1048576)
          return Stop(Bad(row_ + 1, "the row number \"" + std::string(a) + "\" is invalid"));
      }
      row_ = r;
      col_ = 0;
      cells_.clear();
    } else if (name == "c") {
      size_t col = col_, row = 0;
      if (const char* ref = Attr(attrs, "r"))
        if (!ParseCellRef(ref, &col, &row))
          return Stop(Bad(row_, "the cell reference \"" + std::string(ref) + "\" is invalid"));
      const char* t = Attr(attrs, "t");
      type_ = t ? t : "n";
      cell_col_ = col;
      col_ = col + 1;
      value_.clear();
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_inline_ && in_phonetic_ == 0) {
      in_value_ = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "c") {
      EndCell();
    } else if (name == "row") {
      if (!cells_.empty()) ready.push_back({row_, std::move(cells_)});
      cells_.clear();
    }
  }

  void Text(std::string_view s) override {
    if (!in_value_) return;
    value_.append(s);
    if (value_.size() > max_cell_)
      Stop(FileError("too_long", "Row", row_,
                     "a cell is longer than " + std::to_string(max_cell_) + " bytes"));
  }

  size_t row() const { return row_; }

 private:
  Error Bad(size_t row, const std::string& what) { return FileError("malformed", "Row", row, what); }

  // A cell's text as a CSV export would show it; cells without a value are left out, and
  // cells before it in the row that were missing become "".
  void EndCell() {
    if (value_.empty()) return;
    std::string text;
    if (type_ == "s") {
      size_t i = 0;
      auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), i);
      if (ec != std::errc() || end != value_.data() + value_.size() || i >= strings_.size())
        return Stop(FileError("malformed", "Row", row_, "a cell refers to a missing shared string"));
      text = strings_[i];
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else if (type_ == "n") {
      text = ExpandExponent(value_);
    } else {  // inlineStr, str (a formula's text), e (an error such as #N/A), d (ISO date)
      text = std::move(value_);
    }
    value_.clear();
    if (text.empty()) return;
    if (cells_.size() <= cell_col_) cells_.resize(cell_col_ + 1);
    cells_[cell_col_] = std::move(text);
  }

  const std::vector<std::string>& strings_;
  size_t max_cell_;
  size_t row_ = 0, col_ = 0, cell_col_ = 0;
  std::string type_, value_;
  std::vector<std::string> cells_;
  bool in_value_ = false, in_inline_ = false;
  int in_phonetic_ = 0;
};

class XlsxReader final : public RowReader {
 public:
  XlsxReader(ZipPtr zip, std::vector<std::string> strings, size_t max_cell)
      : zip_(std::move(zip)), strings_(std::move(strings)), sheet_(strings_, max_cell) {}

  Status Start(const std::string& name, size_t chunk_size) {
    stream_ = XmlStream::Open(zip_.get(), name, &sheet_, chunk_size);
    if (!stream_) return FileError("no_sheet", "The workbook has no worksheet");
    return Status::Ok();
  }

  Result<std::optional<Row>> Next() override {
    while (next_ >= sheet_.ready.size()) {
      sheet_.ready.clear();
      next_ = 0;
      if (error_) return *error_;
      if (done_) return std::optional<Row>();
      auto more = stream_->Step();
      if (!more.ok()) error_ = more.take_error();
      else done_ = !*more;
    }
    return std::optional<Row>(std::move(sheet_.ready[next_++]));
  }

 private:
  ZipPtr zip_;
  std::vector<std::string> strings_;
  SheetHandler sheet_;
  std::unique_ptr<XmlStream> stream_;
  size_t next_ = 0;
  bool done_ = false;
  std::optional<Error> error_;
};

}  // namespace

Result<std::unique_ptr<RowReader>> OpenXlsx(const std::string& path, const Options& options) {
  auto zip = OpenZip(path);
  if (!zip.ok()) return zip.take_error();
  auto parts = FindParts(zip->get(), options.chunk_size);
  if (!parts.ok()) return parts.take_error();
  auto strings = LoadSharedStrings(zip->get(), parts->shared_strings, options.chunk_size,
                                   options.max_cell_bytes);
  if (!strings.ok()) return strings.take_error();
  auto reader = std::make_unique<XlsxReader>(std::move(*zip), std::move(*strings),
                                             options.max_cell_bytes);
  ANJU_TRY(reader->Start(parts->sheet, options.chunk_size));
  return std::unique_ptr<RowReader>(std::move(reader));
}

}  // namespace anju::tabular
