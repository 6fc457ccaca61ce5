#include "modules/importer/kind.h"

#include "modules/importer/values.h"

namespace anju::importer {

std::string Cells::Get(std::string_view key) const {
  for (size_t i = 0; i < columns_.size() && i < values_.size(); ++i)
    if (columns_[i].key == key) return Trim(values_[i]);
  return {};
}

void AddApiError(const Error& e, const std::vector<std::pair<std::string, std::string>>& map,
                 std::vector<RowError>& errors) {
  if (e.fields.empty()) {
    errors.push_back({"", e.code, e.message});
    return;
  }
  for (const FieldError& f : e.fields) {
    std::string column;
    for (auto& [field, col] : map)
      if (field == f.field) column = col;
    std::string why = e.message + (f.message.empty() ? "" : "：" + f.message);
    errors.push_back({column, f.code.empty() ? e.code : f.code, why});
  }
}

}  // namespace anju::importer
