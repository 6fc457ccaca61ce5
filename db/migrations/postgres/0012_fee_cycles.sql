-- Billing cycles (计费周期) of fee items: monthly (1), quarterly (3), half-yearly (6) or
-- yearly (12). A bill of an item with a longer cycle covers the whole cycle (Jan–Mar, …)
-- and is keyed by the cycle's first month (billing/bill_lines.h).
ALTER TABLE fee_items ADD COLUMN cycle_months BIGINT NOT NULL DEFAULT 1;
