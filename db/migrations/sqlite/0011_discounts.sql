-- Discounts (优惠): percentage-off rules per fee item and a range of billing periods
-- (billing/discounts.h). A bill run gives each new bill the best rule that covers it and
-- posts the discount as its own ledger entry; the bill keeps it in `discount`, and its
-- `amount` is what it bills after the discount (the gross is amount + discount).
CREATE TABLE discount_rules (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
  name TEXT NOT NULL,
  rate_bp INTEGER NOT NULL,             -- basis points off: 1000 = 10 % off (九折)
  period_from TEXT NOT NULL,           -- first billing period 'YYYY-MM'
  period_to TEXT,                      -- last one, or open-ended
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX discount_rules_item ON discount_rules(fee_item_id, period_from);

ALTER TABLE bills ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
