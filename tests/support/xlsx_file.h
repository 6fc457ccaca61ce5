// Reading a downloaded .xlsx in tests: the text of one of its zip entries, through the
// `unzip` tool (scripts/install.sh installs it), so the test does not trust our own writer.
#pragma once

#include <string>

namespace anju::testing {

// The entry `path` (e.g. "xl/worksheets/sheet1.xml") of the zip archive `bytes`, or "" when
// the archive or the entry cannot be read.
std::string ZipEntry(const std::string& bytes, const std::string& path);

// How many times `needle` occurs in `hay`.
int Occurrences(const std::string& hay, const std::string& needle);

}  // namespace anju::testing
