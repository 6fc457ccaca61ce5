// Files of an import: the templates (import_service.h Template) and the bad rows of a
// batch as a file to fix and re-upload (the original cells plus an 错误原因 column).
#include "core/tabular/tabular.h"
#include "core/xlsx.h"
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

namespace {

// A kind's names in the English UI: the data sheet's and the file's.
std::string EnglishTitle(std::string_view kind) {
  static const std::pair<std::string_view, std::string_view> kTitles[] = {
      {"houses", "Houses"},         {"residents", "Residents"}, {"vehicles", "Vehicles"},
      {"parking", "Parking spaces"}, {"fee-items", "Fee standards"},
      {"readings", "Meter readings"}, {"balances", "Opening balances"}};
  for (auto& [name, title] : kTitles)
    if (name == kind) return std::string(title);
  return std::string(kind);
}

std::string Joined(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : separator) + v;
  return out;
}

}  // namespace

Result<DownloadFile> ImportService::Template(const std::string& kind, const std::string& format,
                                             Lang lang) {
  const Kind* k = FindKind(kind);
  if (!k) return Error(kUnknownKind).WithField("kind", "invalid");
  std::vector<std::string> example;
  for (const Column& c : k->columns()) example.push_back(c.example);
  return WriteTemplate(*k, format, lang, example);
}

Result<DownloadFile> ImportService::WriteTemplate(const Kind& k, const std::string& format,
                                                  Lang lang,
                                                  const std::vector<std::string>& example) {
  const bool zh = lang == Lang::kZh;
  const std::string title = zh ? std::string(k.title()) : EnglishTitle(k.name());
  DownloadFile file;
  file.ascii_name = std::string(k.name()) + "-template." + format;
  file.name = zh ? title + "导入模板." + format : title + " import template." + format;
  std::vector<std::string> header;
  for (const Column& c : k.columns()) header.push_back(c.header);
  if (format == "csv") {
    file.bytes = tabular::CsvText(header, {example});
    return file;
  }
  if (format != "xlsx")
    return Error(errors::kBadQuery).WithField("format", "invalid", "xlsx or csv");
  // The data sheet: every column text (a phone stays a phone), a drop-down where the
  // importer accepts a fixed list.
  xlsx::Sheet data;
  data.name = title;
  std::vector<boost::json::value> row;
  for (size_t i = 0; i < k.columns().size(); ++i) {
    const Column& c = k.columns()[i];
    data.columns.push_back(
        {.header = c.header, .width = 18, .text_entry = true, .choices = c.choices});
    const std::string& v = i < example.size() ? example[i] : c.example;
    row.emplace_back(v.empty() ? boost::json::value() : boost::json::value(v));
  }
  data.rows.push_back(std::move(row));
  // 填写说明: one row per column of the data sheet.
  xlsx::Sheet help;
  help.name = zh ? "填写说明" : "Instructions";
  struct HelpColumn {
    const char *zh, *en;
    double width;
  };
  static constexpr HelpColumn kHelp[] = {{"列名", "Column", 18},
                                         {"必填", "Required", 9},
                                         {"填写要求", "What to type", 60},
                                         {"可选值", "Accepted values", 36},
                                         {"示例", "Example", 18}};
  for (const HelpColumn& h : kHelp)
    help.columns.push_back({.header = zh ? h.zh : h.en, .width = h.width});
  for (size_t i = 0; i < k.columns().size(); ++i) {
    const Column& c = k.columns()[i];
    const std::string& v = i < example.size() ? example[i] : c.example;
    help.rows.push_back({boost::json::value(c.header),
                         boost::json::value(c.required ? (zh ? "是" : "Yes")
                                                       : (zh ? "否" : "No")),
                         boost::json::value(zh ? c.format_zh : c.format_en),
                         boost::json::value(Joined(c.choices, zh ? "、" : ", ")),
                         boost::json::value(v)});
  }
  auto bytes = xlsx::Write({data, help});
  if (!bytes.ok()) return bytes.error();
  file.bytes = std::move(*bytes);
  return file;
}

Result<DownloadFile> ImportService::BadRowsFile(const TenantContext& ctx, int64_t id,
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
  std::string name = "import-" + std::to_string(id) + "-bad-rows." + format;
  return DownloadFile{name, name, std::move(*bytes)};
}

}  // namespace anju::importer
