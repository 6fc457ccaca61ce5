#include "core/tabular/xlsx_parts.h"

#include "core/tabular/file_error.h"
#include "core/tabular/zip_xml.h"

namespace anju::tabular {

namespace {

// xl/workbook.xml: the relationship id of the first <sheet>.
struct WorkbookHandler : XmlHandler {
  std::string first_sheet_rel;
  bool seen = false;
  void Start(std::string_view name, const char** attrs) override {
    if (name != "sheet" || seen) return;
    seen = true;
    if (const char* id = Attr(attrs, "id")) first_sheet_rel = id;
  }
  void End(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: the targets of that id and of the shared strings.
struct RelsHandler : XmlHandler {
  std::string want, sheet_target, strings_target;
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attr(attrs, "Id");
    const char* target = Attr(attrs, "Target");
    const char* type = Attr(attrs, "Type");
    if (!target) return;
    if (id && !want.empty() && want == id) sheet_target = target;
    std::string_view t = type ? type : "";
    if (t.size() >= 14 && t.substr(t.size() - 14) == "/sharedStrings") strings_target = target;
  }
  void End(std::string_view) override {}
};

// A relationship target is relative to xl/ unless it starts with '/'.
std::string Resolve(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

bool Has(zip_t* zip, const std::string& name) {
  return zip_name_locate(zip, name.c_str(), 0) >= 0;
}

Status Parse(zip_t* zip, const std::string& name, XmlHandler& h, size_t chunk_size) {
  auto s = XmlStream::Open(zip, name, &h, chunk_size);
  return s ? s->Run() : Status::Ok();  // a missing part leaves the handler empty
}

struct SharedStringsHandler : XmlHandler {
  std::vector<std::string> table;
  std::string current;
  size_t max_cell = 0, total = 0;
  int in_phonetic = 0;
  bool in_t = false;
  void Start(std::string_view name, const char**) override {
    if (name == "si") current.clear();
    else if (name == "rPh") ++in_phonetic;
    else if (name == "t" && in_phonetic == 0) in_t = true;
  }
  void End(std::string_view name) override {
    if (name == "t") in_t = false;
    else if (name == "rPh") --in_phonetic;
    else if (name == "si") table.push_back(std::move(current)), current.clear();
  }
  void Text(std::string_view s) override {
    if (!in_t) return;
    current.append(s);
    total += s.size();
    if (current.size() > max_cell)
      Stop(FileError("too_long", "Shared string " + std::to_string(table.size()) +
                                     " is longer than " + std::to_string(max_cell) + " bytes"));
    else if (total > (size_t{256} << 20))
      Stop(FileError("too_long", "The workbook's shared strings exceed 256 MiB"));
  }
};

}  // namespace

Result<WorkbookParts> FindParts(zip_t* zip, size_t chunk_size) {
  WorkbookHandler wb;
  ANJU_TRY(Parse(zip, "xl/workbook.xml", wb, chunk_size));
  RelsHandler rels;
  rels.want = wb.first_sheet_rel;
  ANJU_TRY(Parse(zip, "xl/_rels/workbook.xml.rels", rels, chunk_size));
  WorkbookParts parts;
  parts.sheet = rels.sheet_target.empty() ? "xl/worksheets/sheet1.xml"
                                          : Resolve(rels.sheet_target);
  if (!Has(zip, parts.sheet) && Has(zip, "xl/worksheets/sheet1.xml"))
    parts.sheet = "xl/worksheets/sheet1.xml";
  if (!Has(zip, parts.sheet))
    return FileError("no_sheet", "The workbook has no worksheet");
  parts.shared_strings = rels.strings_target.empty() ? "xl/sharedStrings.xml"
                                                     : Resolve(rels.strings_target);
  return parts;
}

Result<std::vector<std::string>> LoadSharedStrings(zip_t* zip, const std::string& name,
                                                   size_t chunk_size, size_t max_cell_bytes) {
  SharedStringsHandler h;
  h.max_cell = max_cell_bytes;
  ANJU_TRY(Parse(zip, name, h, chunk_size));
  return std::move(h.table);
}

}  // namespace anju::tabular
