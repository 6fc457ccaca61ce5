// Imports' replies and stored reports (importer_json.h).
#include "modules/importer/importer_json.h"

#include "core/clock.h"

namespace anju::importer {

namespace json = boost::json;

json::object BatchJson(const Batch& b) {
  auto t = [](const std::optional<Millis>& m) {
    return m ? json::value(FormatUtc(*m)) : json::value();
  };
  json::object o{{"id", b.id},
                 {"project_id", b.project_id ? json::value(*b.project_id) : json::value()},
                 {"kind", b.kind},
                 {"file_name", b.file_name},
                 {"format", b.format},
                 {"dry_run", b.dry_run},
                 {"all_or_nothing", b.all_or_nothing},
                 {"status", b.status},
                 {"rows", b.rows},
                 {"created", b.created},
                 {"updated", b.updated},
                 {"skipped", b.skipped},
                 {"bad", b.bad},
                 {"error", b.error},
                 {"created_at", FormatUtc(b.created_at)},
                 {"finished_at", t(b.finished_at)},
                 {"rolled_back_at", t(b.rolled_back_at)}};
  if (b.with_report) {
    o["report"] = json::parse(b.report);
    o["rollback"] = json::parse(b.rollback);
  }
  return o;
}

json::object BatchesJson(const BatchPage& p) {
  json::array items;
  for (const Batch& b : p.items) items.push_back(BatchJson(b));
  return json::object{{"items", std::move(items)}, {"total", p.total},
                      {"page", p.page.page}, {"size", p.page.size}};
}

json::object ReportJson(const RunReport& r, const Kind& kind) {
  json::array bad;
  for (const BadRow& b : r.bad_rows) {
    json::array errors, cells;
    for (const RowError& e : b.errors) {
      std::string header;
      for (const Column& c : kind.columns())
        if (c.key == e.column) header = c.header;
      errors.push_back(json::object{{"column", e.column}, {"header", header}, {"code", e.code},
                                    {"reason", e.reason}});
    }
    for (const std::string& c : b.cells) cells.emplace_back(c);
    bad.push_back(json::object{{"line", b.line}, {"errors", std::move(errors)}, {"cells", std::move(cells)}});
  }
  json::array header;
  for (const std::string& h : r.header) header.emplace_back(h);
  return json::object{{"rows", r.rows},       {"created", r.created}, {"updated", r.updated},
                      {"skipped", r.skipped}, {"bad", r.bad},         {"header", std::move(header)},
                      {"bad_rows", std::move(bad)}, {"file_error", r.file_error},
                      {"committed", r.committed}};
}

}  // namespace anju::importer
