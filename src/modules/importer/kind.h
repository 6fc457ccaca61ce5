// One kind of import (houses, residents, …): its columns, the natural key a row is matched
// on, and how a row is applied through the owning module's transaction-level functions —
// the code behind the HTTP API — so an import accepts exactly what the API accepts.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/ports.h"

namespace anju::importer {

struct Column {
  std::string key;      // the API body field it feeds, where there is one ("gross_area")
  std::string header;   // the template's Chinese header ("建筑面积(㎡)")
  bool required = false;
  std::string example;  // the template's example row
  // The labels the importer accepts from a fixed list (values.h ParseChoice), in the order a
  // template's drop-down list offers them; empty for free text (and for a list of several).
  std::vector<std::string> choices = {};
  // What to type, for the template's 填写说明 sheet, in Chinese and in English.
  std::string format_zh = {}, format_en = {};
};

// One data row, by column key.
class Cells {
 public:
  Cells(const std::vector<Column>& columns, std::vector<std::string> values)
      : columns_(columns), values_(std::move(values)) {}
  // The trimmed cell of column `key`, "" when empty or absent.
  std::string Get(std::string_view key) const;
  const std::vector<std::string>& values() const { return values_; }

 private:
  const std::vector<Column>& columns_;
  std::vector<std::string> values_;  // in the columns' order
};

// A row refused: the column (key) and why, with the API's stable code when it came from it.
struct RowError {
  std::string column;  // a column key, or "" for the row as a whole
  std::string code;    // "required", "invalid", "duplicate_in_file", "HOUSE_CODE_TAKEN" …
  std::string reason;  // Chinese, for the person fixing the file
};

// What applying one row did.
struct Change {
  std::string entity;  // "house", "resident", "house_resident", …
  int64_t id = 0;
  std::string action;  // "created" | "updated"
  boost::json::value before;  // the API's JSON of the row before an update
};
struct Applied {
  std::string action;  // "created" | "updated" | "skipped" (the row as a whole)
  std::vector<Change> changes;
};

struct RowContext {
  db::Tx& tx;
  const TenantContext& ctx;
  int64_t project_id;
  const crypto::SecretKey& key;
  Millis now;
  // What corrections hold on bills and prepaid balances (billing/ports.h), for undoing an
  // opening balance; null where no kind undoes anything (a run applies rows).
  billing::CorrectionHolds* holds;
};

class Kind {
 public:
  virtual ~Kind() = default;
  virtual std::string_view name() const = 0;   // "houses"
  virtual std::string_view title() const = 0;  // "房屋"
  virtual const std::vector<Column>& columns() const = 0;
  // The template's example row for the project (a cell per column): by default the columns'
  // examples. A kind whose example must name something of the project (a meter and its next
  // period) overrides it; the example row passes a dry run in the demo's projects.
  virtual std::vector<std::string> Example(db::Tx& tx, int64_t company_id,
                                           int64_t project_id) const;
  // The row's natural key (two rows of a file with the same key are a duplicate).
  virtual std::string NaturalKey(const Cells& row) const = 0;
  // Applies the row inside rc.tx (which the runner wraps in a savepoint); the runner has
  // already refused rows missing a required cell. Errors name
  // columns; an API error's field is mapped to the column that fed it.
  virtual Result<Applied> Apply(RowContext& rc, const Cells& row,
                                std::vector<RowError>& errors) const = 0;
  // Undoes one change of a committed batch (rollback, newest first): deletes what was
  // created, restores what was updated. Refuses when something newer depends on it.
  virtual Status Undo(RowContext& rc, const Change& change) const = 0;
};

// The kinds, by name; nullptr for an unknown one.
const Kind* FindKind(std::string_view name);
std::vector<const Kind*> AllKinds();

// An API error turned into row errors: each field error on the column fed by that field
// (`field_to_column` maps body fields to column keys; unmapped fields go to the row).
void AddApiError(const Error& e, const std::vector<std::pair<std::string, std::string>>& field_to_column,
                 std::vector<RowError>& errors);

// Runs `write(command)` on a command read from a row's body by the owning module's reader
// (the route's), or passes on the reader's refusal: an import validates like the API.
template <class Command, class Write>
auto ReadThen(Result<Command> command, Write&& write) -> decltype(write(*command)) {
  if (!command.ok()) return command.take_error();
  return write(*command);
}

}  // namespace anju::importer
