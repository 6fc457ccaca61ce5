#include "support/xlsx_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace anju::testing {

std::string ZipEntry(const std::string& bytes, const std::string& path) {
  std::string file = (std::filesystem::temp_directory_path() / "anju-test-XXXXXX").string();
  int fd = mkstemp(file.data());
  if (fd < 0) return "";
  close(fd);
  std::ofstream(file, std::ios::binary) << bytes;
  std::string out;
  if (FILE* p = popen(("unzip -p '" + file + "' '" + path + "' 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  std::remove(file.c_str());
  return out;
}

int Occurrences(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace anju::testing
