// Open(): CSV or .xlsx, by options.format or by the file itself (tabular.h).
#include <cctype>
#include <cstdio>

#include "core/tabular/file_error.h"
#include "core/tabular/tabular.h"

namespace anju::tabular {

namespace {

bool HasXlsxExtension(const std::string& path) {
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "xlsx" || ext == "xlsm";
}

// A zip archive starts with a local file header, "PK\3\4".
Result<bool> StartsLikeZip(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Unreadable(path);
  char magic[4] = {};
  size_t n = std::fread(magic, 1, 4, f);
  std::fclose(f);
  return n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

}  // namespace

Result<std::unique_ptr<RowReader>> Open(const std::string& path, const Options& options) {
  FileFormat format = options.format;
  if (format == FileFormat::kAuto) {
    auto zip = StartsLikeZip(path);
    if (!zip.ok()) return zip.take_error();
    format = *zip || HasXlsxExtension(path) ? FileFormat::kXlsx : FileFormat::kCsv;
  }
  return format == FileFormat::kXlsx ? OpenXlsx(path, options) : OpenCsv(path, options);
}

}  // namespace anju::tabular
