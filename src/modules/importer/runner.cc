#include "modules/importer/runner.h"

#include <unordered_set>

#include "modules/importer/importer_errors.h"
#include "modules/importer/values.h"

namespace anju::importer {

namespace json = boost::json;

namespace {

// "建筑面积(㎡)*" → "建筑面积"; used to match headers loosely.
std::string Bare(std::string_view header) {
  std::string s = Trim(header);
  for (std::string_view cut : {"(", "（", "*"}) {
    size_t p = s.find(cut);
    if (p != std::string::npos) s = s.substr(0, p);
  }
  return Trim(s);
}

// column index in the file for each kind column, -1 when absent.
std::vector<int> MatchHeader(const std::vector<std::string>& header, const Kind& kind,
                             std::string& missing) {
  std::vector<int> at;
  for (const Column& c : kind.columns()) {
    int found = -1;
    for (size_t i = 0; i < header.size() && found < 0; ++i)
      if (Trim(header[i]) == c.header || Bare(header[i]) == Bare(c.header) || Trim(header[i]) == c.key)
        found = static_cast<int>(i);
    if (found < 0 && c.required) missing += (missing.empty() ? "" : "、") + Bare(c.header);
    at.push_back(found);
  }
  return at;
}

struct Batch {
  std::vector<int64_t> lines;
  std::vector<std::vector<std::string>> raw;
};

}  // namespace

RunReport Run(db::Database& db, const TenantContext& ctx, const crypto::SecretKey& key,
              const Clock& clock, tabular::RowReader& reader, const Kind& kind,
              const RunOptions& o, const OnProgress& progress) {
  RunReport rep;
  auto first = reader.Next();
  if (!first.ok() || !*first) {
    rep.file_error = first.ok() ? "文件是空的" : first.error().message;
    return rep;
  }
  rep.header = (*first)->cells;
  std::string missing;
  std::vector<int> at = MatchHeader(rep.header, kind, missing);
  if (!missing.empty()) {
    rep.file_error = "缺少必填列：" + missing + "（请使用模板的表头）";
    return rep;
  }
  std::unordered_set<std::string> seen;
  int64_t seq = 0;
  bool failed_all = false;

  // Applies one batch inside `tx`; returns whether every row was good.
  auto apply = [&](db::Tx& tx, const Batch& b) {
    bool all_good = true;
    for (size_t i = 0; i < b.raw.size(); ++i) {
      std::vector<std::string> values;
      for (int col : at)
        values.push_back(col >= 0 && static_cast<size_t>(col) < b.raw[i].size() ? b.raw[i][col] : "");
      Cells cells(kind.columns(), std::move(values));
      std::vector<RowError> errors;
      ++rep.rows;
      for (const Column& c : kind.columns())  // required cells first, the same for every kind
        if (c.required && cells.Get(c.key).empty()) errors.push_back({c.key, "required", "必填"});
      std::string nk = kind.NaturalKey(cells);
      if (!errors.empty()) {
        // reported below, like any refused row
      } else if (!nk.empty() && !seen.insert(nk).second) {
        errors.push_back({"", "duplicate_in_file", "与文件中前面的行重复"});
      } else {
        tx.Exec("SAVEPOINT import_row");
        Result<Applied> done = Error(kRollbackDryRun);
        try {
          RowContext rc{tx, ctx, o.project_id, key, clock.Now(), nullptr};
          done = kind.Apply(rc, cells, errors);
        } catch (const db::DbError& e) {
          tx.Exec("ROLLBACK TO SAVEPOINT import_row");
          errors.push_back({"", "conflict", std::string("与已有数据冲突：") + e.what()});
          done = Error(kRollbackDryRun);
        }
        if (done.ok() && errors.empty()) {
          tx.Exec("RELEASE SAVEPOINT import_row");
          (done->action == "created" ? rep.created : done->action == "updated" ? rep.updated : rep.skipped)++;
          if (!o.dry_run)
            for (const Change& c : done->changes)
              tx.Exec("INSERT INTO import_changes (batch_id, seq, line, entity, entity_id, action, "
                      "before) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      {o.batch_id, ++seq, b.lines[i], c.entity, c.id, c.action, json::serialize(c.before)});
          continue;
        }
        tx.Exec("ROLLBACK TO SAVEPOINT import_row");
        tx.Exec("RELEASE SAVEPOINT import_row");
        if (errors.empty()) errors.push_back({"", done.error().code, done.error().message});
      }
      all_good = false;
      ++rep.bad;
      if (rep.bad_rows.size() < kMaxBadRows) rep.bad_rows.push_back({b.lines[i], errors, b.raw[i]});
    }
    return all_good;
  };
  auto save_progress = [&](db::Tx& tx) {
    tx.Exec("UPDATE import_batches SET rows_total = ?, created = ?, updated = ?, skipped = ?, "
            "bad = ?, heartbeat_at = ? WHERE id = ?",
            {rep.rows, rep.created, rep.updated, rep.skipped, rep.bad, clock.Now(), o.batch_id});
  };

  // Reads the next batch of rows; false at the end (or a read error, kept in file_error).
  auto read = [&](Batch& b) {
    b = {};
    while (b.raw.size() < o.batch_rows) {
      auto row = reader.Next();
      if (!row.ok()) {
        rep.file_error = row.error().message;
        return false;
      }
      if (!*row) break;
      b.lines.push_back(static_cast<int64_t>((*row)->line));
      b.raw.push_back(std::move((*row)->cells));
    }
    return !b.raw.empty();
  };

  Batch b;
  // The Results below are the rollback sentinel or 0: deliberately ignored.
  if (o.all_or_nothing) {
    (void)db.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<int> {
      bool good = true;
      while (read(b)) {
        good = apply(tx, b) && good;
        if (progress) progress(rep);
      }
      if (!good || o.dry_run || !rep.file_error.empty()) {
        failed_all = !good;
        return Error(kRollbackDryRun);
      }
      save_progress(tx);
      rep.committed = rep.created + rep.updated > 0;
      return 0;
    });
  } else {
    while (read(b)) {
      (void)db.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<int> {
        apply(tx, b);
        if (o.dry_run) return Error(kRollbackDryRun);
        save_progress(tx);
        rep.committed = rep.committed || rep.created + rep.updated > 0;
        return 0;
      });
      if (o.dry_run) db.Run(db::TxMode::kWrite, [&](db::Tx& tx) { save_progress(tx); return 0; });
      if (progress) progress(rep);
    }
  }
  if (failed_all) rep.committed = false;
  return rep;
}

}  // namespace anju::importer
