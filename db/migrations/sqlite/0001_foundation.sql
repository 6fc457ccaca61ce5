-- Foundation: companies (tenants), projects, departments, accounts, roles, sessions,
-- the property registry and the hash-chained audit log.
-- Conventions: ids are 64-bit integers; times are UTC epoch milliseconds; areas are
-- integers in 0.01 m²; civil dates are 'YYYY-MM-DD' text; booleans are 0/1.

CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,              -- residential | commercial | office | park | mixed
  address TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  status TEXT NOT NULL DEFAULT 'active',  -- active | archived
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, code)
);

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER REFERENCES projects(id),   -- NULL: an HQ department
  parent_id INTEGER REFERENCES departments(id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX departments_company ON departments(company_id, project_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  kind TEXT NOT NULL,                -- staff | resident
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  department_id INTEGER REFERENCES departments(id),
  trade TEXT NOT NULL DEFAULT '',    -- staff: service | cashier | finance | engineering | security | cleaning | greening | collection | management
  status TEXT NOT NULL DEFAULT 'active',  -- active | disabled
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  password_changed_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX users_company ON users(company_id, kind);

CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  permissions TEXT NOT NULL,         -- permission codes separated by single spaces
  builtin INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, code)
);

CREATE TABLE role_grants (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  role_id INTEGER NOT NULL REFERENCES roles(id),
  project_id INTEGER REFERENCES projects(id),   -- NULL: company-wide
  created_at INTEGER NOT NULL
);
CREATE INDEX role_grants_user ON role_grants(user_id);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of the opaque token; the token is never stored
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,       -- absolute expiry
  revoked INTEGER NOT NULL DEFAULT 0,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE buildings (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                -- residential | commercial | parking | office | mixed
  floors_above INTEGER NOT NULL DEFAULT 0,
  floors_below INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (project_id, code)
);

CREATE TABLE entrances (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  building_id INTEGER NOT NULL REFERENCES buildings(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (building_id, code)
);

CREATE TABLE floors (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  building_id INTEGER NOT NULL REFERENCES buildings(id),
  entrance_id INTEGER NOT NULL REFERENCES entrances(id),
  number INTEGER NOT NULL,           -- negative below ground
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (entrance_id, number)
);

CREATE TABLE houses (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  building_id INTEGER NOT NULL REFERENCES buildings(id),
  entrance_id INTEGER NOT NULL REFERENCES entrances(id),
  floor_id INTEGER NOT NULL REFERENCES floors(id),
  number TEXT NOT NULL,              -- on its floor: '0101'
  code TEXT NOT NULL,                -- readable, unique in the project: '1-1-0101'
  kind TEXT NOT NULL,                -- residential | shop | parking | office | storage
  status TEXT NOT NULL,              -- vacant | self_occupied | rented | decorating
  gross_area INTEGER NOT NULL,       -- 0.01 m²
  net_area INTEGER NOT NULL,         -- 0.01 m²
  delivered_on TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (project_id, code)
);
CREATE INDEX houses_tree ON houses(company_id, project_id, building_id, entrance_id, floor_id);

CREATE TABLE residents (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  name TEXT NOT NULL,
  phone_enc TEXT NOT NULL,           -- AEAD ciphertext (base64)
  phone_bidx TEXT NOT NULL,          -- keyed blind index for exact look-up
  phone_last4 TEXT NOT NULL,         -- for masked display
  id_number_enc TEXT,
  id_number_bidx TEXT,
  id_number_hint TEXT,               -- first 4 and last 4 characters, for masked display
  user_id INTEGER UNIQUE REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX residents_phone ON residents(company_id, phone_bidx);
CREATE UNIQUE INDEX residents_id_number ON residents(company_id, id_number_bidx);

CREATE TABLE house_residents (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  relation TEXT NOT NULL,            -- owner | family | tenant
  start_date TEXT NOT NULL,
  end_date TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (house_id, resident_id)
);
CREATE INDEX house_residents_resident ON house_residents(resident_id);

CREATE TABLE vehicles (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER REFERENCES houses(id),
  resident_id INTEGER REFERENCES residents(id),
  plate TEXT NOT NULL,
  kind TEXT NOT NULL,                -- car | ev | motorcycle
  brand TEXT NOT NULL DEFAULT '',
  color TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, plate)
);
CREATE INDEX vehicles_house ON vehicles(house_id);

CREATE TABLE parking_spaces (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  code TEXT NOT NULL,
  zone TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,                -- owned | rented | public | visitor
  status TEXT NOT NULL,              -- vacant | occupied | reserved
  area INTEGER NOT NULL DEFAULT 0,   -- 0.01 m²
  house_id INTEGER REFERENCES houses(id),     -- the 车位 property unit, when it is one
  vehicle_id INTEGER REFERENCES vehicles(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (project_id, code)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,              -- 1, 2, 3… per company, no gaps
  at INTEGER NOT NULL,
  actor_id INTEGER,
  actor_login TEXT NOT NULL,
  action TEXT NOT NULL,              -- 'property.house.create'
  entity TEXT NOT NULL,              -- 'house'
  entity_id INTEGER,
  project_id INTEGER,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  request_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (company_id, seq)
);
CREATE INDEX audit_log_entity ON audit_log(company_id, entity, entity_id);

-- The head of each company's chain; locking it serialises appends per company.
CREATE TABLE audit_heads (
  company_id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
