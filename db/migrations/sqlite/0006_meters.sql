-- Meters and meter readings (抄表), and tiered prices (阶梯价) on metered fee items.
-- Readings and consumption are INTEGER 1/100 unit (0.01 m³ or kWh); see
-- src/modules/billing/meter_rules.h for the rules that fill them.

ALTER TABLE fee_items ADD COLUMN tiers TEXT;  -- method metered: JSON [[up_to_centi|null, price], …]; NULL = one tier at unit_price

CREATE TABLE meters (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER REFERENCES houses(id),        -- NULL: a shared meter (公摊), apportioned over building_id
  building_id INTEGER REFERENCES buildings(id),  -- house meter: the house's building; shared: the building it serves
  code TEXT NOT NULL,
  kind TEXT NOT NULL,            -- water | electricity | gas
  fee_item_id INTEGER NOT NULL REFERENCES fee_items(id),  -- the metered fee item that bills it
  multiplier INTEGER NOT NULL DEFAULT 1,       -- consumption = dial difference × multiplier (CT meters)
  digits INTEGER NOT NULL DEFAULT 5,           -- the dial rolls over at 10^digits units
  initial_reading INTEGER NOT NULL DEFAULT 0,  -- the dial when installed: the first reading's previous
  walk_order INTEGER NOT NULL DEFAULT 0,       -- position in the building's reading round
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (project_id, code)
);
CREATE INDEX meters_round ON meters(company_id, project_id, building_id, walk_order);
CREATE INDEX meters_house ON meters(house_id);

CREATE TABLE meter_readings (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  meter_id INTEGER NOT NULL REFERENCES meters(id),
  period TEXT NOT NULL,              -- 'YYYY-MM'
  reading INTEGER NOT NULL,          -- the dial, 1/100 unit
  previous_reading INTEGER NOT NULL, -- the dial it is measured from (last accepted reading or initial_reading)
  consumption INTEGER NOT NULL,      -- computed, 1/100 unit, multiplier applied
  flags TEXT NOT NULL DEFAULT '',    -- space-separated: high | rollover | replaced
  replaced_old_final INTEGER,        -- meter replaced: the old meter's last dial
  replaced_new_start INTEGER,        -- meter replaced: the new meter's first dial
  status TEXT NOT NULL,              -- ok | review | approved | rejected
  read_by INTEGER,
  read_at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  reviewed_by INTEGER,
  reviewed_at INTEGER,
  review_note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (meter_id, period)
);
CREATE INDEX meter_readings_period ON meter_readings(company_id, project_id, period, status);
