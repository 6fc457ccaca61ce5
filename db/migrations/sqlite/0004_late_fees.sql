-- Late fees (滞纳金): a rule per fee item, accrued per bill and day exactly once.
-- A bill's principal (amount, paid) never changes once posted; its late fee accrues beside
-- it (late_fee) and is settled first (late_paid). building_id lets reports group arrears.
ALTER TABLE fee_items ADD COLUMN late_grace_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fee_items ADD COLUMN late_daily_bp INTEGER NOT NULL DEFAULT 0;      -- 万分之五 = 5
ALTER TABLE fee_items ADD COLUMN late_flat_per_day INTEGER NOT NULL DEFAULT 0;  -- 分 per day
ALTER TABLE fee_items ADD COLUMN late_cap_bp INTEGER NOT NULL DEFAULT 0;        -- of the principal; 0 = none
ALTER TABLE fee_items ADD COLUMN late_start_date TEXT;
ALTER TABLE bills ADD COLUMN late_fee INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bills ADD COLUMN late_paid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bills ADD COLUMN building_id INTEGER;
ALTER TABLE payment_allocations ADD COLUMN kind TEXT NOT NULL DEFAULT 'principal';  -- principal | late_fee

CREATE TABLE late_fee_accruals (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  bill_id INTEGER NOT NULL REFERENCES bills(id),
  day TEXT NOT NULL,             -- the civil day accrued
  amount INTEGER NOT NULL,       -- 分
  created_at INTEGER NOT NULL,
  UNIQUE (bill_id, day)
);
CREATE INDEX bills_late ON bills(company_id, due_date);
