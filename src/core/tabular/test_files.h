// Fixtures for the tabular tests, made at test time (no binary fixtures are committed).
#pragma once

#include <iconv.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/tabular/tabular.h"

namespace anju::tabular::testing {

// A fresh directory, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string p = (std::filesystem::temp_directory_path() / "anju-tabular-XXXXXX").string();
    if (!mkdtemp(p.data())) throw std::runtime_error("mkdtemp");
    path = p;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string File(const std::string& name) const { return (path / name).string(); }
};

inline std::string WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// UTF-8 → GB18030 with iconv(3), the other direction from the reader's.
inline std::string ToGb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) throw std::runtime_error("iconv");
  out.resize(out.size() - ol);
  return out;
}

// A zip archive of the given entries (name → content), written with libzip.
inline std::string WriteZip(const std::string& path,
                            const std::map<std::string, std::string>& entries) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) throw std::runtime_error("zip_open");
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0)
      throw std::runtime_error("zip_file_add");
  }
  if (zip_close(z) != 0) throw std::runtime_error("zip_close");
  return path;
}

struct Read {
  std::vector<Row> rows;
  std::optional<Error> error;  // the error that stopped the reader, if any
};

// Every row of a reader, up to its end or its error.
inline Read ReadAll(RowReader& reader) {
  Read out;
  for (;;) {
    auto next = reader.Next();
    if (!next.ok()) return out.error = next.error(), out;
    if (!*next) return out;
    out.rows.push_back(std::move(**next));
  }
}

inline Read ReadFile(const std::string& path, const Options& options = {}) {
  auto reader = Open(path, options);
  if (!reader.ok()) return Read{{}, reader.error()};
  return ReadAll(**reader);
}

inline std::vector<std::string> Cells(std::initializer_list<const char*> cells) {
  return std::vector<std::string>(cells.begin(), cells.end());
}

}  // namespace anju::tabular::testing
