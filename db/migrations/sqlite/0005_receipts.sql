-- Receipts (收据): one per payment, issued in the payment's transaction. Numbers are
-- 'R-<project code>-<year>-<6-digit seq>' from the gap-free counter
-- 'receipt:<project id>:<year>' (counters). A voided receipt keeps its row and number, so
-- the sequence never has gaps; voiding moves no money. verify_token is the random,
-- URL-safe secret in the receipt's QR code (public verification).

CREATE TABLE receipts (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  payment_id INTEGER NOT NULL UNIQUE REFERENCES payments(id),
  number TEXT NOT NULL,          -- readable: 'R-JHY-2026-000042'
  amount INTEGER NOT NULL,       -- 分, the payment's amount
  status TEXT NOT NULL DEFAULT 'issued',  -- issued | void
  void_reason TEXT,
  voided_by INTEGER,
  voided_at INTEGER,
  verify_token TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  UNIQUE (company_id, number)
);
CREATE INDEX receipts_project ON receipts(company_id, project_id, id);
CREATE INDEX receipts_house ON receipts(house_id);
