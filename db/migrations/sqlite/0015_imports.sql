-- Imports (数据迁移): one batch per file, its report, and every change it made, so that a
-- batch can be rolled back exactly. The file itself is kept under <data-dir>/imports/.

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER REFERENCES projects(id),
  kind TEXT NOT NULL,                -- houses | residents | vehicles | fee-items | readings | balances
  file_name TEXT NOT NULL,
  stored_name TEXT NOT NULL,         -- under <data-dir>/imports/<company_id>/
  format TEXT NOT NULL,              -- csv | xlsx
  dry_run INTEGER NOT NULL,
  all_or_nothing INTEGER NOT NULL,
  status TEXT NOT NULL,              -- queued | running | done | failed | interrupted | rolled_back
  rows_total INTEGER NOT NULL DEFAULT 0,   -- rows read so far (the progress)
  created INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  bad INTEGER NOT NULL DEFAULT 0,
  report TEXT NOT NULL DEFAULT '{}', -- JSON: the bad rows (line, column, reason, cells), header
  error TEXT NOT NULL DEFAULT '',    -- a file-level error (unreadable, missing columns)
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  heartbeat_at INTEGER,                -- last progress of a running batch (another instance's start leaves a live one alone)
  rolled_back_at INTEGER,
  rollback_report TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX import_batches_company ON import_batches(company_id, created_at);

-- What a committed batch changed, in order: created rows (to delete on rollback) and
-- updated rows with their state before (to restore).
CREATE TABLE import_changes (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  seq INTEGER NOT NULL,
  line INTEGER NOT NULL,
  entity TEXT NOT NULL,              -- building | entrance | floor | house | resident | house_resident | vehicle | parking_space | fee_item | meter_reading | opening
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,              -- created | updated
  before TEXT NOT NULL DEFAULT 'null',
  PRIMARY KEY (batch_id, seq)
);
