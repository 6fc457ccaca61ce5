-- Discounts (优惠) per fee item and a range of billing periods (billing/discounts.h):
-- 'percent' rules, which a bill run takes off each new bill, and 'prepay' offers ("prepay
-- 12 months, pay 11"), used when a cashier takes a prepayment (billing/prepayments.cc).
-- The discount is its own ledger entry; the bill keeps it in `discount`, and its `amount`
-- is what it bills after the discount (the gross is amount + discount).
CREATE TABLE discount_rules (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'percent',  -- percent | prepay
  rate_bp INTEGER NOT NULL DEFAULT 0,   -- percent: basis points off, 1000 = 10 % off (九折)
  months_paid INTEGER NOT NULL DEFAULT 0,   -- prepay: months paid at once (12) …
  months_free INTEGER NOT NULL DEFAULT 0,   -- … of which this many are free (1)
  period_from TEXT NOT NULL,           -- first billing period 'YYYY-MM' (prepay: of the first prepaid month)
  period_to TEXT,                      -- last one, or open-ended
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX discount_rules_item ON discount_rules(fee_item_id, period_from);

ALTER TABLE bills ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
