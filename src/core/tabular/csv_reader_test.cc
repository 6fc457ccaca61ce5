#include <gtest/gtest.h>

#include <algorithm>

#include "core/tabular/tabular.h"
#include "core/tabular/test_files.h"

namespace anju::tabular {
namespace {

using testing::Cells;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

// Quotes with a comma and quotes inside, a line break inside a quoted cell, a blank line, a
// line of empty cells, spaces kept, CRLF and no final line end; Chinese, and characters that
// are 4 bytes in both UTF-8 and GB18030 (😀, 𠀀).
const std::string kText =
    "房号,姓名,电话,备注\r\n"
    "1-101,张三,13812345678,\"说\"\"好\"\",再见\"\r\n"
    "\r\n"
    "1-102,\"李\n四\",13900000000,😀\r\n"
    ",,,\r\n"
    "1-103,王五, 13700000000 ,𠀀末行";

void ExpectSample(const testing::Read& r) {
  ASSERT_FALSE(r.error) << r.error->fields.at(0).message;
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[0].line, 1u);
  EXPECT_EQ(r.rows[0].cells, Cells({"房号", "姓名", "电话", "备注"}));
  EXPECT_EQ(r.rows[1].line, 2u);
  EXPECT_EQ(r.rows[1].cells, Cells({"1-101", "张三", "13812345678", "说\"好\",再见"}));
  EXPECT_EQ(r.rows[2].line, 4u);
  EXPECT_EQ(r.rows[2].cells, Cells({"1-102", "李\n四", "13900000000", "😀"}));
  EXPECT_EQ(r.rows[3].line, 7u);  // the line break inside 李\n四 counts
  EXPECT_EQ(r.rows[3].cells, Cells({"1-103", "王五", " 13700000000 ", "𠀀末行"}));
}

TEST(TabularCsvTest, ReadsUtf8WithAndWithoutBomInAnyChunkSize) {
  TempDir dir;
  std::string plain = WriteFile(dir.File("plain.csv"), kText);
  std::string bom = WriteFile(dir.File("bom.csv"), "\xEF\xBB\xBF" + kText);
  for (size_t chunk : {1, 2, 3, 5, 7, 64 * 1024}) {
    SCOPED_TRACE(chunk);
    Options o;
    o.chunk_size = chunk;
    ExpectSample(ReadFile(plain, o));
    ExpectSample(ReadFile(bom, o));
    o.encoding = Encoding::kUtf8;
    ExpectSample(ReadFile(bom, o));
  }
}

TEST(TabularCsvTest, DetectsAndConvertsGb18030AcrossChunkBoundaries) {
  TempDir dir;
  std::string gb = testing::ToGb18030(kText);
  ASSERT_NE(gb.find("\xB7\xBF"), std::string::npos);  // 房 in GB18030: the file is not UTF-8
  std::string path = WriteFile(dir.File("gb.csv"), gb);
  // Chunks of 1, 2, 3, 5 and 7 bytes cut 2- and 4-byte characters at every offset.
  for (size_t chunk : {1, 2, 3, 5, 7, 64 * 1024}) {
    SCOPED_TRACE(chunk);
    Options o;
    o.chunk_size = chunk;
    ExpectSample(ReadFile(path, o));
    o.encoding = Encoding::kGb18030;
    ExpectSample(ReadFile(path, o));
  }
}

void ExpectError(const testing::Read& r, const std::string& code, const std::string& where) {
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "VALIDATION_FAILED");
  ASSERT_EQ(r.error->fields.size(), 1u);
  EXPECT_EQ(r.error->fields[0].field, "file");
  EXPECT_EQ(r.error->fields[0].code, code);
  EXPECT_EQ(r.error->fields[0].message.rfind(where, 0), 0u) << r.error->fields[0].message;
}

TEST(TabularCsvTest, InvalidBytesAreAnErrorNamingTheirLine) {
  TempDir dir;
  for (size_t chunk : {1, 3, 64 * 1024}) {
    SCOPED_TRACE(chunk);
    Options o;
    o.chunk_size = chunk;
    // GB18030: 0xFF is never valid. The rows before it are still handed out.
    std::string gb = testing::ToGb18030("房号,姓名\r\n1-101,张三\r\n1-102,\"李") + "\xFF" + "\"\r\n";
    auto r = ReadFile(WriteFile(dir.File("bad-gb.csv"), gb), o);
    EXPECT_EQ(r.rows.size(), 2u);
    ExpectError(r, "encoding", "Line 3: ");
    // Forced UTF-8 on a GB18030 file: the header is not UTF-8.
    o.encoding = Encoding::kUtf8;
    ExpectError(ReadFile(dir.File("bad-gb.csv"), o), "encoding", "Line 1: ");
    // UTF-8 cut short at the end of the file (auto-detection would take it for GB18030).
    ExpectError(ReadFile(WriteFile(dir.File("cut.csv"), "a,b\n1,\xE5\xBC"), o), "encoding",
                "Line 2: ");
  }
}

TEST(TabularCsvTest, AFileThatTurnsToGb18030AfterTheFirst64KiBIsAnError) {
  TempDir dir;
  std::string text;
  while (text.size() <= kDetectBytes) text += "a,b,c\r\n";
  size_t lines = std::count(text.begin(), text.end(), '\n');
  text += testing::ToGb18030("张三,李四\r\n");
  auto r = ReadFile(WriteFile(dir.File("late.csv"), text));
  EXPECT_EQ(r.rows.size(), lines);
  ExpectError(r, "encoding", "Line " + std::to_string(lines + 1) + ": ");
}

TEST(TabularCsvTest, MalformedCsvIsAnErrorNamingTheLine) {
  TempDir dir;
  for (size_t chunk : {1, 64 * 1024}) {
    Options o;
    o.chunk_size = chunk;
    ExpectError(ReadFile(WriteFile(dir.File("open.csv"), "a,b\nc,\"never\nclosed\n"), o),
                "malformed", "Line 2: a quote is not closed");
    ExpectError(ReadFile(WriteFile(dir.File("after.csv"), "a,b\r\n\"x\"y,z\r\n"), o), "malformed",
                "Line 2: text after a closing quote");
    o.max_cell_bytes = 8;
    ExpectError(ReadFile(WriteFile(dir.File("long.csv"), "a,b\n1,\"0123456789\n"), o), "too_long",
                "Line 2: ");
  }
  // An empty file has no rows; a missing one is the server's problem, not the user's.
  auto empty = ReadFile(WriteFile(dir.File("empty.csv"), ""));
  EXPECT_FALSE(empty.error);
  EXPECT_TRUE(empty.rows.empty());
  auto missing = ReadFile(dir.File("missing.csv"));
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(missing.error->kind, ErrorKind::kInternal);
}

TEST(TabularCsvTest, AnErrorIsReturnedAgainAndTheReaderStops) {
  TempDir dir;
  auto reader = OpenCsv(WriteFile(dir.File("open.csv"), "a\n\"x\n"));
  ASSERT_TRUE(reader.ok());
  auto first = (*reader)->Next();
  ASSERT_TRUE(first.ok() && *first);
  EXPECT_FALSE((*reader)->Next().ok());
  EXPECT_FALSE((*reader)->Next().ok());
}

}  // namespace
}  // namespace anju::tabular
