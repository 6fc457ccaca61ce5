// The errors of the tabular readers (see tabular.h): VALIDATION_FAILED with the field "file".
#pragma once

#include <string>

#include "core/error.h"

namespace anju::tabular {

// code: "encoding", "malformed", "too_long", "not_xlsx" or "no_sheet".
inline Error FileError(std::string code, std::string message) {
  return Error(errors::kValidation).WithField("file", std::move(code), std::move(message));
}

// unit: "Line" (CSV) or "Row" (xlsx): "Line 12: a quote is not closed".
inline Error FileError(std::string code, const char* unit, size_t number, const std::string& what) {
  return FileError(std::move(code), std::string(unit) + " " + std::to_string(number) + ": " + what);
}

// A file the server cannot read (its own path, not the user's mistake).
inline Error Unreadable(const std::string& path) {
  return Error(errors::kInternal, "Cannot read the import file " + path);
}

}  // namespace anju::tabular
