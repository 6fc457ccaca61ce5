// Files of an import: the templates (Chinese headers, one example row) and the bad rows of a
// batch as a file to fix and re-upload (the original cells plus an 错误原因 column).
#include "core/tabular/tabular.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/importer/import_service.h"
#include "modules/importer/importer_errors.h"
#include "modules/importer/importer_json.h"

namespace anju::importer {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

Result<std::string> Write(const std::string& format, const std::vector<std::string>& header,
                          const tabular::Table& rows) {
  if (format == "csv") return tabular::CsvText(header, rows);
  if (format == "xlsx") return tabular::WriteXlsx(header, rows);
  return Error(errors::kBadQuery).WithField("format", "invalid", "xlsx or csv");
}

}  // namespace

Result<std::pair<std::string, std::string>> ImportService::Template(const std::string& kind,
                                                                    const std::string& format) {
  const Kind* k = FindKind(kind);
  if (!k) return Error(kUnknownKind).WithField("kind", "invalid");
  std::vector<std::string> header, example;
  for (const Column& c : k->columns()) header.push_back(c.header), example.push_back(c.example);
  auto bytes = Write(format, header, {example});
  if (!bytes.ok()) return bytes.error();
  return std::pair{kind + "-template." + format, std::move(*bytes)};
}

Result<std::pair<std::string, std::string>> ImportService::BadRowsFile(const TenantContext& ctx,
                                                                       int64_t id,
                                                                       const std::string& format) {
  auto batch = Get(ctx, id);
  if (!batch.ok()) return batch.error();
  // The stored report document (importer_json.h ReportJson).
  const json::object report = json::parse(batch->report).as_object();
  if (!report.contains("header")) return Error(kBatchNotFound);
  std::vector<std::string> header;
  for (auto& h : report.at("header").as_array()) header.emplace_back(h.as_string());
  header.push_back("错误原因");
  tabular::Table rows;
  for (auto& b : report.at("bad_rows").as_array()) {
    std::vector<std::string> row;
    for (auto& c : b.at("cells").as_array()) row.emplace_back(c.as_string());
    row.resize(header.size() - 1);
    std::string why = "第 " + std::to_string(b.at("line").as_int64()) + " 行：";
    for (auto& e : b.at("errors").as_array()) {
      std::string col(e.at("header").as_string());
      why += (col.empty() ? "" : col + " ") + std::string(e.at("reason").as_string()) + "；";
    }
    row.push_back(why);
    rows.push_back(std::move(row));
  }
  auto bytes = Write(format, header, rows);
  if (!bytes.ok()) return bytes.error();
  return std::pair{"import-" + std::to_string(id) + "-bad-rows." + format, std::move(*bytes)};
}

}  // namespace anju::importer
