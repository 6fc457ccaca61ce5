-- Billing: fee items, bill runs, bills, payments and their allocations, the double-entry
-- ledger (accounts with stored balances, append-only journal), idempotency keys.
-- Money is INTEGER 分; prices are INTEGER 1/100 分 (0.0001 元); quantities 1/100 unit.

CREATE TABLE fee_items (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,            -- property | water | electricity | gas | parking | apportionment | deposit | one_off
  method TEXT NOT NULL,          -- area | fixed | metered
  area_basis TEXT NOT NULL DEFAULT 'gross',   -- gross | net (method area)
  unit_price INTEGER NOT NULL,   -- 1/100 分 per m² per month, per house per month, or per unit consumed
  house_kinds TEXT NOT NULL,     -- the house kinds it applies to, space-separated
  rounding TEXT NOT NULL DEFAULT 'half_up',   -- half_up | up | down
  round_to TEXT NOT NULL DEFAULT 'fen',       -- fen | jiao
  due_days INTEGER NOT NULL DEFAULT 15,       -- due date = first day of the period + due_days
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (project_id, code)
);

CREATE TABLE bill_runs (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  period TEXT NOT NULL,          -- 'YYYY-MM'
  status TEXT NOT NULL,          -- running | done
  bills INTEGER NOT NULL DEFAULT 0,
  amount INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);

CREATE TABLE bills (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),
  bill_run_id INTEGER REFERENCES bill_runs(id),
  period TEXT NOT NULL,
  number TEXT NOT NULL,          -- readable: 'B-JHY-202611-000123'
  quantity INTEGER NOT NULL,     -- 1/100 unit (area or consumption; 100 for fixed)
  unit_price INTEGER NOT NULL,
  amount INTEGER NOT NULL,       -- 分, as billed
  paid INTEGER NOT NULL DEFAULT 0,  -- 分 settled so far (payments, prepayment)
  due_date TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (house_id, fee_item_id, period),
  UNIQUE (company_id, number)
);
CREATE INDEX bills_open ON bills(company_id, house_id, period);
CREATE INDEX bills_project_period ON bills(project_id, period);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  number TEXT NOT NULL,          -- readable: 'P-JHY-20261123-000042'
  channel TEXT NOT NULL,         -- cash | pos | transfer | cheque | wechat | alipay
  amount INTEGER NOT NULL,       -- 分 received
  to_prepayment INTEGER NOT NULL,-- 分 of it kept as prepaid balance
  provider_txn_id TEXT UNIQUE,   -- online payments: the provider's transaction id
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (company_id, number)
);
CREATE INDEX payments_house ON payments(house_id);

CREATE TABLE payment_allocations (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  payment_id INTEGER NOT NULL REFERENCES payments(id),
  bill_id INTEGER NOT NULL REFERENCES bills(id),
  amount INTEGER NOT NULL
);
CREATE INDEX payment_allocations_bill ON payment_allocations(bill_id);

-- Accounts: balance = Σ debit − Σ credit of its journal lines, kept in the same
-- transaction as every posting; `anju ledger check` replays the journal to prove it.
CREATE TABLE ledger_accounts (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  code TEXT NOT NULL,            -- 'receivable:house:17', 'revenue:fee:3', 'clearing:cash'…
  kind TEXT NOT NULL,            -- asset | liability | income | contra_income
  balance INTEGER NOT NULL DEFAULT 0,
  UNIQUE (company_id, code)
);

CREATE TABLE journal_entries (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,            -- bill | payment | prepayment_applied | …
  ref_type TEXT NOT NULL,        -- 'bill', 'payment'
  ref_id INTEGER NOT NULL,
  memo TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_entries_ref ON journal_entries(company_id, ref_type, ref_id);

CREATE TABLE journal_lines (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  account_id INTEGER NOT NULL REFERENCES ledger_accounts(id),
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL
);
CREATE INDEX journal_lines_entry ON journal_lines(entry_id);
CREATE INDEX journal_lines_account ON journal_lines(account_id);

-- Idempotency-Key of money-moving POSTs: the first answer is kept and replayed.
CREATE TABLE idempotency_keys (
  company_id INTEGER NOT NULL,
  idem_key TEXT NOT NULL,
  route TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,       -- 0 while in flight, else the HTTP status of the answer
  response TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (company_id, idem_key)
);

-- Gap-free counters for readable numbers ('bill:JHY:202611', 'payment:JHY:20261123').
CREATE TABLE counters (
  company_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (company_id, name)
);
