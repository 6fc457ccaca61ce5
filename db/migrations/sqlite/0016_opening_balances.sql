-- Opening balances (期初, issue 6): what a house owed and held in the system it comes from,
-- posted by the importer (billing/opening.h). An opening arrears is an ordinary bill with
-- source 'opening' (every other bill is 'system'); an opening prepaid balance has no bill.
-- Each posting is one row here with its ledger entry against equity:opening_balance; a
-- reversal marks the row 'reversed' beside its own entry, never deleting either.
ALTER TABLE bills ADD COLUMN source TEXT NOT NULL DEFAULT 'system';  -- system | opening

CREATE TABLE opening_balances (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  kind TEXT NOT NULL,                     -- arrears | prepayment
  bill_id INTEGER REFERENCES bills(id),   -- arrears: its bill; prepayment: NULL
  amount INTEGER NOT NULL,                -- 分, > 0
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                   -- posted | reversed
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  reversed_by INTEGER REFERENCES users(id),
  reversed_at INTEGER
);
CREATE INDEX opening_balances_company ON opening_balances(company_id, house_id);
-- At most one posted opening per bill, and one posted opening prepaid balance per house.
CREATE UNIQUE INDEX opening_balances_posted_bill ON opening_balances(bill_id)
  WHERE status = 'posted' AND bill_id IS NOT NULL;
CREATE UNIQUE INDEX opening_balances_posted_prepayment ON opening_balances(house_id)
  WHERE status = 'posted' AND kind = 'prepayment';
