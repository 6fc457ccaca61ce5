#include "modules/importer/kind.h"

#include <map>

#include "modules/importer/values.h"

namespace anju::importer {

std::string Cells::Get(std::string_view key) const {
  for (size_t i = 0; i < columns_.size() && i < values_.size(); ++i)
    if (columns_[i].key == key) return Trim(values_[i]);
  return {};
}

std::vector<std::string> Kind::Example(db::Tx&, int64_t, int64_t) const {
  std::vector<std::string> row;
  for (const Column& c : columns()) row.push_back(c.example);
  return row;
}

namespace {

// The field codes the API uses, in Chinese for the person fixing the file; others keep the
// API's own message.
std::string Reason(const Error& e, const FieldError& f) {
  static const std::map<std::string, std::string, std::less<>> kZh = {
      {"required", "必填"},           {"invalid", "格式不正确"},
      {"invalid_checksum", "身份证号校验位或出生日期错误"}, {"taken", "已被使用"},
      {"not_found", "不存在"},        {"too_long", "内容过长"},
      {"out_of_range", "超出允许范围"}, {"greater_than_gross", "套内面积不能大于建筑面积"},
      {"duplicate", "重复"},          {"in_future", "不能晚于本月"}};
  auto it = kZh.find(f.code);
  if (it != kZh.end()) return it->second;
  return e.message + (f.message.empty() ? "" : "：" + f.message);
}

}  // namespace

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
    errors.push_back({column, f.code.empty() ? e.code : f.code, Reason(e, f)});
  }
}

}  // namespace anju::importer
