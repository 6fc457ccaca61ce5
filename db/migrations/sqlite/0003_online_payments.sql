-- Online payments: an order at a payment provider (WeChat Pay, Alipay) for a house; it
-- becomes a payment when the provider's verified notify (or an order query) confirms it.
CREATE TABLE online_orders (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  order_no TEXT NOT NULL UNIQUE,     -- out_trade_no sent to the provider
  channel TEXT NOT NULL,             -- wechat | alipay
  amount INTEGER NOT NULL,           -- 分
  bill_ids TEXT NOT NULL,            -- the bills it pays, space-separated ('' = oldest first)
  status TEXT NOT NULL,              -- pending | paid
  payment_id INTEGER REFERENCES payments(id),
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  paid_at INTEGER
);
CREATE INDEX online_orders_house ON online_orders(house_id);
