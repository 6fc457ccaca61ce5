#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "core/tabular/tabular.h"
#include "core/tabular/test_files.h"

namespace anju::tabular {
namespace {

using testing::Cells;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;
using testing::WriteZip;

// A workbook written by libxlsxwriter (as Excel would: shared strings, numbers in <v>), with
// a second sheet that must not be read.
std::string WriteWorkbook(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "住户");
  worksheet_write_string(ws, 0, 0, "房号", nullptr);
  worksheet_write_string(ws, 0, 1, "面积", nullptr);
  worksheet_write_string(ws, 0, 2, "电话(文本)", nullptr);
  worksheet_write_string(ws, 0, 3, "电话(数字)", nullptr);
  worksheet_write_string(ws, 0, 4, "在住", nullptr);
  worksheet_write_string(ws, 0, 5, "大数", nullptr);
  worksheet_write_string(ws, 1, 0, "1-101", nullptr);
  worksheet_write_number(ws, 1, 1, 89.5, nullptr);
  worksheet_write_string(ws, 1, 2, "13812345678", nullptr);
  worksheet_write_number(ws, 1, 3, 13812345678.0, nullptr);
  worksheet_write_boolean(ws, 1, 4, 1, nullptr);
  worksheet_write_number(ws, 1, 5, 1e20, nullptr);  // stored as "1E+20"
  // Row 3 is blank; row 4 has cells A and C only; row 5 has a formatted empty cell only.
  worksheet_write_string(ws, 3, 0, "1-102", nullptr);
  worksheet_write_string(ws, 3, 2, "张三", nullptr);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  worksheet_write_blank(ws, 4, 1, bold);
  lxw_datetime date = {2024, 3, 1, 0, 0, 0};
  worksheet_write_datetime(ws, 5, 0, &date, bold);  // a date is its serial number
  lxw_worksheet* other = workbook_add_worksheet(wb, "Other");
  worksheet_write_string(other, 0, 0, "not me", nullptr);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

TEST(TabularXlsxTest, ReadsTheFirstSheetOfAWorkbookInAnyChunkSize) {
  TempDir dir;
  std::string path = WriteWorkbook(dir.File("houses.xlsx"));
  for (size_t chunk : {1, 7, 64 * 1024}) {
    SCOPED_TRACE(chunk);
    Options o;
    o.chunk_size = chunk;
    auto r = ReadFile(path, o);
    ASSERT_FALSE(r.error) << r.error->fields.at(0).message;
    ASSERT_EQ(r.rows.size(), 4u);
    EXPECT_EQ(r.rows[0].line, 1u);
    EXPECT_EQ(r.rows[0].cells, Cells({"房号", "面积", "电话(文本)", "电话(数字)", "在住", "大数"}));
    EXPECT_EQ(r.rows[1].line, 2u);
    EXPECT_EQ(r.rows[1].cells, Cells({"1-101", "89.5", "13812345678", "13812345678", "TRUE",
                                      "100000000000000000000"}));
    EXPECT_EQ(r.rows[2].line, 4u);  // the blank row 3 keeps the numbering
    EXPECT_EQ(r.rows[2].cells, Cells({"1-102", "", "张三"}));
    EXPECT_EQ(r.rows[3].line, 6u);  // row 5 holds only an empty formatted cell
    EXPECT_EQ(r.rows[3].cells, Cells({"45352"}));
  }
}

// What other producers write: a prefixed namespace, the first sheet not named sheet1.xml,
// rich and phonetic shared strings, inline strings, cells and rows without r="…", a number in
// scientific notation, an error value, a formula's text.
const char* kNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::map<std::string, std::string> HandMadeParts(const std::string& sheet) {
  std::string wb = std::string("<?xml version=\"1.0\"?><x:workbook xmlns:x=\"") + kNs +
                   "\" xmlns:r=\"" + kRel + "\"><x:sheets><x:sheet name=\"数据\" sheetId=\"2\" "
                   "r:id=\"rId7\"/><x:sheet name=\"S1\" sheetId=\"1\" r:id=\"rId1\"/>"
                   "</x:sheets></x:workbook>";
  std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId7\" Type=\"x/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
      "<Relationship Id=\"rId9\" Type=\"x/sharedStrings\" Target=\"strings.xml\"/>"
      "</Relationships>";
  std::string sst = std::string("<x:sst xmlns:x=\"") + kNs + "\"><x:si><x:t>房号</x:t></x:si>"
                    "<x:si><x:r><x:t>张</x:t></x:r><x:r><x:rPr/><x:t xml:space=\"preserve\">三 "
                    "</x:t></x:r><x:rPh><x:t>ZHANG</x:t></x:rPh></x:si></x:sst>";
  return {{"xl/workbook.xml", wb},
          {"xl/_rels/workbook.xml.rels", rels},
          {"xl/strings.xml", sst},
          {"xl/worksheets/sheet1.xml", "<worksheet/>"},
          {"xl/worksheets/data.xml", std::string("<x:worksheet xmlns:x=\"") + kNs +
                                         "\"><x:sheetData>" + sheet +
                                         "</x:sheetData></x:worksheet>"}};
}

TEST(TabularXlsxTest, ReadsWhatOtherProducersWrite) {
  TempDir dir;
  std::string sheet =
      "<x:row r=\"2\"><x:c r=\"B2\" t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1</x:v></x:c>"
      "</x:row><x:row><x:c><x:v>1.3812345678E10</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:t>李"
      "</x:t><x:rPh><x:t>LI</x:t></x:rPh></x:is></x:c><x:c r=\"E3\" t=\"e\"><x:v>#N/A</x:v></x:c>"
      "<x:c r=\"F3\" t=\"str\"><x:f>A1&amp;B1</x:f><x:v>a&lt;b</x:v></x:c></x:row>";
  std::string path = WriteZip(dir.File("other.xlsx"), HandMadeParts(sheet));
  for (size_t chunk : {1, 64 * 1024}) {
    Options o;
    o.chunk_size = chunk;
    auto r = ReadFile(path, o);
    ASSERT_FALSE(r.error) << r.error->fields.at(0).message;
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0].line, 2u);
    EXPECT_EQ(r.rows[0].cells, Cells({"", "房号", "张三 "}));
    EXPECT_EQ(r.rows[1].line, 3u);
    EXPECT_EQ(r.rows[1].cells, Cells({"13812345678", "李", "", "", "#N/A", "a<b"}));
  }
}

TEST(TabularXlsxTest, FallsBackToSheet1WithoutAWorkbookPart) {
  TempDir dir;
  std::string path = WriteZip(dir.File("bare.xlsx"),
                              {{"xl/worksheets/sheet1.xml",
                                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                                "<is><t>ok</t></is></c></row></sheetData></worksheet>"}});
  auto r = ReadFile(path);
  ASSERT_FALSE(r.error) << r.error->fields.at(0).message;
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].cells, Cells({"ok"}));
}

void ExpectError(const testing::Read& r, const std::string& code, const std::string& where) {
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "VALIDATION_FAILED");
  ASSERT_EQ(r.error->fields.size(), 1u);
  EXPECT_EQ(r.error->fields[0].field, "file");
  EXPECT_EQ(r.error->fields[0].code, code);
  EXPECT_EQ(r.error->fields[0].message.rfind(where, 0), 0u) << r.error->fields[0].message;
}

TEST(TabularXlsxTest, BadWorkbooksAreErrors) {
  TempDir dir;
  Options xlsx;
  xlsx.format = FileFormat::kXlsx;
  // Not a zip: by the caller's word, or by the extension.
  std::string text = WriteFile(dir.File("text.csv"), "a,b\n1,2\n");
  ExpectError(ReadFile(text, xlsx), "not_xlsx", "The file is not an .xlsx");
  ExpectError(ReadFile(WriteFile(dir.File("fake.xlsx"), "a,b\n")), "not_xlsx", "The file");
  EXPECT_EQ(ReadFile(text).rows.size(), 2u);  // the same bytes as .csv read as CSV
  ExpectError(ReadFile(WriteZip(dir.File("nosheet.xlsx"), {{"hello.txt", "hi"}})), "no_sheet",
              "The workbook has no worksheet");
  auto sheet = [&](const std::string& xml) {
    return ReadFile(WriteZip(dir.File("bad.xlsx"), HandMadeParts(xml)));
  };
  auto broken = sheet("<x:row r=\"1\"><x:c t=\"s\"><x:v>0</x:v></x:c></x:row><x:row r=\"2\"><x:c>");
  EXPECT_EQ(broken.rows.size(), 1u);
  ExpectError(broken, "malformed", "The spreadsheet is damaged");
  ExpectError(sheet("<x:row r=\"4\"><x:c t=\"s\"><x:v>2</x:v></x:c></x:row>"), "malformed",
              "Row 4: a cell refers to a missing shared string");
  ExpectError(sheet("<x:row r=\"4\"><x:c r=\"4A\"><x:v>2</x:v></x:c></x:row>"), "malformed",
              "Row 4: the cell reference \"4A\" is invalid");
  auto dtd = WriteZip(dir.File("dtd.xlsx"),
                      {{"xl/worksheets/sheet1.xml",
                        "<!DOCTYPE w [<!ENTITY a \"aaaa\">]><worksheet>&a;</worksheet>"}});
  ExpectError(ReadFile(dtd), "malformed", "The spreadsheet contains a document type");
  Options tiny;
  tiny.max_cell_bytes = 4;
  ExpectError(ReadFile(WriteWorkbook(dir.File("long.xlsx")), tiny), "too_long", "Shared string");
}

}  // namespace
}  // namespace anju::tabular
