-- Corrections (issue 4): company billing settings, adjustments (调账: credit notes and
-- late-fee waivers) and refunds (退款) of prepaid balances, each approved by a second person
-- above the company's threshold. A posted bill is never edited: a credit note adds to
-- `credited` and a waiver to `late_waived`, beside the amounts they correct.
CREATE TABLE billing_settings (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL UNIQUE REFERENCES companies(id),
  approval_threshold INTEGER NOT NULL,   -- 分; an adjustment or refund above it needs approval
  allocation_order TEXT NOT NULL,        -- late_fees_first | principal_first
  auto_apply_prepayment INTEGER NOT NULL,-- 0 | 1: bill runs apply prepaid balances
  updated_by INTEGER,
  updated_at INTEGER NOT NULL
);

ALTER TABLE bills ADD COLUMN credited INTEGER NOT NULL DEFAULT 0;     -- 分 of credit notes
ALTER TABLE bills ADD COLUMN late_waived INTEGER NOT NULL DEFAULT 0;  -- 分 of late fee waived

CREATE TABLE adjustments (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  bill_id INTEGER NOT NULL REFERENCES bills(id),
  kind TEXT NOT NULL,                -- credit_note | late_fee_waiver
  amount INTEGER NOT NULL,           -- 分, > 0
  reason TEXT NOT NULL,
  status TEXT NOT NULL,              -- pending | applied | rejected
  to_prepayment INTEGER NOT NULL DEFAULT 0,  -- credit note: the part the house had paid already
  requested_by INTEGER NOT NULL REFERENCES users(id),
  requested_at INTEGER NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX adjustments_company_status ON adjustments(company_id, status);
CREATE INDEX adjustments_bill ON adjustments(bill_id);

CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  payment_id INTEGER REFERENCES payments(id),
  number TEXT NOT NULL UNIQUE,       -- out_refund_no: 'RF<company><yyyymmdd><seq>'
  channel TEXT NOT NULL,             -- cash | pos | transfer | cheque | wechat | alipay
  amount INTEGER NOT NULL,           -- 分, > 0
  reason TEXT NOT NULL,
  status TEXT NOT NULL,              -- pending | processing | refunded | rejected | failed
  provider_refund_id TEXT,           -- online refunds: the provider's refund id
  failure TEXT NOT NULL DEFAULT '',  -- failed: the stable code and the provider's words
  requested_by INTEGER NOT NULL REFERENCES users(id),
  requested_at INTEGER NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  decision_note TEXT NOT NULL DEFAULT '',
  refunded_at INTEGER
);
CREATE INDEX refunds_company_status ON refunds(company_id, status);
CREATE INDEX refunds_house ON refunds(house_id);
CREATE INDEX refunds_payment ON refunds(payment_id);

-- The built-in roles of existing companies get the new codes (new companies get them from
-- identity::BuiltinRoles()).
UPDATE roles SET permissions = permissions || ' billing:adjust:create billing:adjust:approve billing:refund:create billing:refund:approve billing:settings:write'
  WHERE builtin = 1 AND code = 'hq_admin' AND permissions NOT LIKE '%billing:adjust:create%';
UPDATE roles SET permissions = permissions || ' billing:adjust:create billing:adjust:approve billing:refund:create billing:refund:approve'
  WHERE builtin = 1 AND code IN ('project_manager', 'finance') AND permissions NOT LIKE '%billing:adjust:create%';
UPDATE roles SET permissions = permissions || ' billing:adjust:create billing:refund:create'
  WHERE builtin = 1 AND code = 'cashier' AND permissions NOT LIKE '%billing:adjust:create%';
