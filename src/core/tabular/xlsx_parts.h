// The parts of an .xlsx workbook the reader needs besides the sheet itself.
#pragma once

#include <zip.h>

#include <string>
#include <vector>

#include "core/error.h"

namespace anju::tabular {

struct WorkbookParts {
  std::string sheet;           // the first worksheet's entry, e.g. "xl/worksheets/sheet1.xml"
  std::string shared_strings;  // e.g. "xl/sharedStrings.xml"; it may be absent from the zip
};

// Resolves the first <sheet> of xl/workbook.xml through xl/_rels/workbook.xml.rels, falling
// back to xl/worksheets/sheet1.xml (and xl/sharedStrings.xml). Errors: "no_sheet" when the
// resolved entry is not in the archive; "malformed" for broken XML.
Result<WorkbookParts> FindParts(zip_t* zip, size_t chunk_size);

// The shared-strings table (each <si>: its <t> runs joined, phonetic <rPh> runs left out);
// empty when the archive has no entry `name`. Errors: "too_long" for a string longer than
// max_cell_bytes or a table over 256 MiB; "malformed" for broken XML.
Result<std::vector<std::string>> LoadSharedStrings(zip_t* zip, const std::string& name,
                                                   size_t chunk_size, size_t max_cell_bytes);

}  // namespace anju::tabular
