// Rolling a committed batch back: its changes undone newest first in one transaction, or
// none of them when one is refused (something newer depends on that row).
#include <map>

#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/importer/import_service.h"
#include "modules/importer/importer_errors.h"

namespace anju::importer {

namespace json = boost::json;
namespace perm = identity::perm;

Result<Batch> ImportService::Rollback(const TenantContext& ctx, int64_t id) {
  ANJU_TRY(identity::Require(ctx, perm::kDataImport));
  Millis now = clock_.Now();
  auto done = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<json::value> {
    auto b = tx.QueryOne("SELECT project_id, kind, status, dry_run FROM import_batches WHERE id = ? "
                         "AND company_id = ?", {id, ctx.company_id});
    if (!b || !ctx.access.HasIn(std::string(perm::kDataImport), b->Int(0))) return Error(kBatchNotFound);
    // A commit that stopped half way (interrupted, failed) rolls back what it wrote.
    std::string status = b->Str(2);
    if ((status != "done" && status != "interrupted" && status != "failed") || b->Int(3) != 0)
      return Error(kNotRollbackable);
    const Kind* kind = FindKind(b->Str(1));
    RowContext rc{tx, ctx, b->Int(0), key_, now, &holds_};
    std::map<std::string, json::object> summary;  // entity → {removed, restored}
    json::array lines;
    for (const db::Row& r : tx.Query("SELECT seq, line, entity, entity_id, action, before FROM "
                                     "import_changes WHERE batch_id = ? ORDER BY seq DESC", {id})) {
      Change ch{r.Str(2), r.Int(3), r.Str(4), json::parse(r.Str(5))};
      Status s;
      try {
        s = kind->Undo(rc, ch);
      } catch (const db::DbError& e) {
        s = Error(kRollbackBlocked, e.what());
      }
      if (!s.ok()) {
        static const std::map<std::string, std::string> kNames = {
            {"building", "楼栋"}, {"entrance", "单元"}, {"floor", "楼层"}, {"house", "房屋"},
            {"resident", "住户"}, {"house_resident", "入住关系"}, {"vehicle", "车辆"},
            {"fee_item", "收费项目"}, {"meter_reading", "抄表读数"}, {"opening", "期初余额"}};
        auto name = kNames.count(ch.entity) ? kNames.at(ch.entity) : ch.entity;
        return Error(kRollbackBlocked, "第 " + std::to_string(r.Int(1)) + " 行的" + name + " #" +
                                           std::to_string(ch.id) + "：" + s.error().code + "（" +
                                           s.error().message + "）")
            .WithField("line", s.error().code, std::to_string(r.Int(1)));
      }
      std::string what = ch.action == "created" ? "removed" : "restored";
      json::object& e = summary[ch.entity];
      e[what] = (e.contains(what) ? e[what].as_int64() : 0) + 1;
      lines.push_back(json::object{{"line", r.Int(1)}, {"entity", ch.entity}, {"id", ch.id}, {"action", what}});
    }
    json::object by_entity;
    for (auto& [k, v] : summary) by_entity[k] = v;
    json::object report{{"by_entity", std::move(by_entity)}, {"changes", std::move(lines)}};
    tx.Exec("UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ?, rollback_report = ? "
            "WHERE id = ?", {now, json::serialize(report), id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"import.batch.rollback", "import_batch", id, b->Int(0), nullptr, report.at("by_entity")}, now);
    return json::value(std::move(report));
  });
  if (!done.ok()) return done.take_error();
  return Get(ctx, id);
}

}  // namespace anju::importer
