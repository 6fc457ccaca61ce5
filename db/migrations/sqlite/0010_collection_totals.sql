-- Collection totals: what was billed and what principal was settled, per project, billing
-- period and the (China-time) month in which it happened. Kept in the same transaction as
-- the bills and allocations they sum (billing/collection_totals.h), so the collection report
-- reads a few hundred rows instead of grouping every bill; `anju ledger check` proves them.
-- Credit notes (0007) lower what was billed, and what was settled by the part that went to
-- the prepaid balance.
CREATE TABLE collection_totals (
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  period TEXT NOT NULL,            -- the bills' period 'YYYY-MM'
  month TEXT NOT NULL,             -- when it happened 'YYYY-MM' (Asia/Shanghai)
  billed INTEGER NOT NULL DEFAULT 0,   -- 分 of bills posted
  settled INTEGER NOT NULL DEFAULT 0,  -- 分 of their principal settled
  PRIMARY KEY (company_id, project_id, period, month)
);

INSERT INTO collection_totals (company_id, project_id, period, month, billed, settled)
SELECT company_id, project_id, period, month, SUM(billed), SUM(settled) FROM (
  SELECT company_id, project_id, period,
         strftime('%Y-%m', created_at / 1000 + 28800, 'unixepoch') AS month,
         amount AS billed, 0 AS settled
  FROM bills
  UNION ALL
  SELECT b.company_id, b.project_id, b.period,
         strftime('%Y-%m', p.created_at / 1000 + 28800, 'unixepoch'), 0, pa.amount
  FROM payment_allocations pa JOIN payments p ON p.id = pa.payment_id
  JOIN bills b ON b.id = pa.bill_id WHERE pa.kind = 'principal'
  UNION ALL
  SELECT b.company_id, b.project_id, b.period,
         strftime('%Y-%m', COALESCE(a.decided_at, a.requested_at) / 1000 + 28800, 'unixepoch'), -a.amount, -a.to_prepayment
  FROM adjustments a JOIN bills b ON b.id = a.bill_id
  WHERE a.kind IN ('credit_note', 'write_off') AND a.status = 'applied'
) t GROUP BY company_id, project_id, period, month;
