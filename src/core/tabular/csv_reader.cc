// The CSV RowReader: file chunks → TextDecoder → CsvScanner → non-blank rows (tabular.h).
#include <cstdio>
#include <memory>

#include "core/tabular/csv_scanner.h"
#include "core/tabular/file_error.h"
#include "core/tabular/tabular.h"

namespace anju::tabular {

namespace {

using FilePtr = std::unique_ptr<FILE, int (*)(FILE*)>;

bool Blank(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (!c.empty()) return false;
  return true;
}

class CsvReader final : public RowReader {
 public:
  CsvReader(FilePtr file, Encoding encoding, const Options& options)
      : file_(std::move(file)),
        decoder_(encoding),
        scanner_(options.max_cell_bytes),
        chunk_(options.chunk_size == 0 ? 1 : options.chunk_size, '\0') {}

  Result<std::optional<Row>> Next() override {
    for (;;) {
      while (next_ < rows_.size()) {
        CsvScannedRow& r = rows_[next_++];
        if (!Blank(r.cells)) return std::optional<Row>(Row{r.line, std::move(r.cells)});
      }
      rows_.clear();
      next_ = 0;
      if (error_) return *error_;
      if (done_) return std::optional<Row>();
      Step();
    }
  }

 private:
  // Reads one chunk and scans it; sets done_ at the end of the file, error_ on an error.
  void Step() {
    size_t n = std::fread(chunk_.data(), 1, chunk_.size(), file_.get());
    if (n == 0 && std::ferror(file_.get())) {
      error_ = Error(errors::kInternal, "Cannot read the import file");
      return;
    }
    text_.clear();
    bool decoded = decoder_.Decode(std::string_view(chunk_.data(), n), text_);
    if (!scanner_.Feed(text_, rows_)) return SyntaxError();
    if (!decoded) return EncodingError();
    if (n > 0) return;
    done_ = true;
    if (!decoder_.Finish()) return EncodingError();
    if (!scanner_.Finish(rows_)) return SyntaxError();
  }

  void SyntaxError() {
    const auto& e = scanner_.error();
    error_ = FileError(e.too_long ? "too_long" : "malformed", "Line", e.line, e.what);
  }

  void EncodingError() {
    error_ = FileError("encoding", "Line", scanner_.line(),
                       std::string("the text is not valid ") + decoder_.name() +
                           " (save the file as UTF-8 or GB18030 CSV, or as .xlsx)");
  }

  FilePtr file_;
  TextDecoder decoder_;
  CsvScanner scanner_;
  std::string chunk_;
  std::string text_;
  std::vector<CsvScannedRow> rows_;
  size_t next_ = 0;
  bool done_ = false;
  std::optional<Error> error_;
};

}  // namespace

Result<std::unique_ptr<RowReader>> OpenCsv(const std::string& path, const Options& options) {
  FilePtr file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Unreadable(path);
  Encoding encoding = options.encoding;
  if (encoding == Encoding::kAuto) {
    std::string head(kDetectBytes, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), file.get()));
    if (std::ferror(file.get())) return Unreadable(path);
    bool whole = std::feof(file.get()) != 0;
    encoding = DetectEncoding(head, whole);
    if (std::fseek(file.get(), 0, SEEK_SET) != 0) return Unreadable(path);
  }
  return std::unique_ptr<RowReader>(new CsvReader(std::move(file), encoding, options));
}

}  // namespace anju::tabular
