-- Work orders (工单): categories, SLA rules, dispatch settings, staff skills, shifts and
-- responsibilities, business-hours calendars, QR report points, the orders themselves,
-- their timeline (wo_events), pauses, escalations sent and follow-up calls.
-- Times are UTC epoch ms; minutes of a day are local (the project's time zone).

CREATE TABLE wo_categories (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  parent_id INTEGER REFERENCES wo_categories(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  skill TEXT NOT NULL,               -- the dispatch skill staff need: plumbing, elevator, …
  keywords TEXT NOT NULL DEFAULT '', -- space-separated, for the suggestion rules
  sort INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, code)
);

-- Per category (NULL: the company default) and urgency. Percentages of the allowance at
-- which the ladder warns the assignee, tells the project manager and tells HQ.
CREATE TABLE wo_sla_rules (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  category_id INTEGER REFERENCES wo_categories(id),
  urgency TEXT NOT NULL,             -- normal | urgent
  accept_minutes INTEGER NOT NULL,
  finish_minutes INTEGER NOT NULL,
  calendar TEXT NOT NULL,            -- business | always
  warn_percent INTEGER NOT NULL DEFAULT 80,
  manager_percent INTEGER NOT NULL DEFAULT 100,
  hq_percent INTEGER NOT NULL DEFAULT 200,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX wo_sla_rules_key ON wo_sla_rules(company_id, COALESCE(category_id, 0), urgency);

-- A project's business hours (no row: Mon–Fri 08:30–17:30).
CREATE TABLE wo_calendars (
  project_id INTEGER PRIMARY KEY REFERENCES projects(id),
  company_id INTEGER NOT NULL REFERENCES companies(id),
  workdays TEXT NOT NULL DEFAULT '12345',  -- ISO weekdays, 1 = Monday
  day_start INTEGER NOT NULL DEFAULT 510,  -- minutes after local midnight
  day_end INTEGER NOT NULL DEFAULT 1050,
  updated_at INTEGER NOT NULL
);
-- Holidays (off) and make-up workdays (调休, work) of the company.
CREATE TABLE wo_holidays (
  company_id INTEGER NOT NULL REFERENCES companies(id),
  day TEXT NOT NULL,                 -- YYYY-MM-DD
  kind TEXT NOT NULL,                -- off | work
  name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (company_id, day)
);

-- Dispatch mode per project and category (NULL: the project's default; no row: auto).
CREATE TABLE wo_dispatch_rules (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  category_id INTEGER REFERENCES wo_categories(id),
  mode TEXT NOT NULL,                -- auto | grab | manual
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX wo_dispatch_rules_key ON wo_dispatch_rules(project_id, COALESCE(category_id, 0));
-- The round-robin cursor: the staff chosen last for a project and skill.
CREATE TABLE wo_dispatch_cursors (
  project_id INTEGER NOT NULL REFERENCES projects(id),
  skill TEXT NOT NULL,
  last_user_id INTEGER NOT NULL,
  PRIMARY KEY (project_id, skill)
);

CREATE TABLE wo_staff_skills (
  company_id INTEGER NOT NULL REFERENCES companies(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  skill TEXT NOT NULL,
  PRIMARY KEY (user_id, skill)
);
CREATE TABLE wo_staff_buildings (
  company_id INTEGER NOT NULL REFERENCES companies(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  building_id INTEGER NOT NULL REFERENCES buildings(id),
  PRIMARY KEY (user_id, building_id)
);
CREATE TABLE wo_shifts (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX wo_shifts_project ON wo_shifts(project_id, ends_at);
CREATE INDEX wo_shifts_user ON wo_shifts(user_id, starts_at);

-- QR codes on public places and assets: open a report form without login.
CREATE TABLE wo_report_points (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  token TEXT NOT NULL UNIQUE,        -- random, printed in the QR code
  place TEXT NOT NULL,
  building_id INTEGER REFERENCES buildings(id),
  category_id INTEGER REFERENCES wo_categories(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE work_orders (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  number TEXT NOT NULL,              -- WO-20261123-0042
  kind TEXT NOT NULL,                -- repair_house | repair_public | complaint | suggestion | inquiry | praise
  category_id INTEGER NOT NULL REFERENCES wo_categories(id),
  house_id INTEGER REFERENCES houses(id),
  building_id INTEGER REFERENCES buildings(id),
  place TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  urgency TEXT NOT NULL,             -- normal | urgent
  preferred_time TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL,             -- owner | phone | qr | api
  reporter_user_id INTEGER REFERENCES users(id),
  reporter_name TEXT NOT NULL DEFAULT '',
  reporter_phone TEXT NOT NULL DEFAULT '',   -- masked (138****1234); the full number is in reporter_phone_enc
  reporter_phone_enc TEXT NOT NULL DEFAULT '',
  responsible_id INTEGER REFERENCES users(id),  -- 首问责任人: who took the call
  suggested_category_id INTEGER REFERENCES wo_categories(id),
  suggested_urgency TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  assignee_id INTEGER REFERENCES users(id),
  dispatch_mode TEXT NOT NULL,       -- auto | grab | manual (at submission)
  dispatch_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sla_started_at INTEGER NOT NULL,     -- submission, or the last reopening (a new round)
  assigned_at INTEGER,
  accepted_at INTEGER,
  arrived_at INTEGER,
  completed_at INTEGER,
  confirmed_at INTEGER,
  closed_at INTEGER,
  cancelled_at INTEGER,
  cancel_reason TEXT NOT NULL DEFAULT '',
  reopen_count INTEGER NOT NULL DEFAULT 0,
  rating INTEGER,
  rating_comment TEXT NOT NULL DEFAULT '',
  labour_fee INTEGER NOT NULL DEFAULT 0,     -- 分
  material_fee INTEGER NOT NULL DEFAULT 0,   -- 分
  bill_id INTEGER REFERENCES bills(id),
  sla_calendar TEXT NOT NULL,        -- business | always (copied from the rule at submission)
  accept_minutes INTEGER NOT NULL,
  finish_minutes INTEGER NOT NULL,
  warn_percent INTEGER NOT NULL,
  manager_percent INTEGER NOT NULL,
  hq_percent INTEGER NOT NULL,
  accept_warn_at INTEGER,               -- the ladder's first step (warn) for the badge
  accept_due_at INTEGER,
  finish_warn_at INTEGER,
  finish_due_at INTEGER,             -- NULL while paused
  accept_met INTEGER,                -- 1/0 once accepted
  finish_met INTEGER,                -- 1/0 once completed
  next_escalation_at INTEGER,        -- when the SLA job must look again (NULL: nothing pending)
  follow_up_at INTEGER,              -- when an unrated completed order goes to the follow-up list
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  UNIQUE (company_id, number)
);
CREATE INDEX work_orders_project ON work_orders(project_id, status, created_at);
CREATE INDEX work_orders_assignee ON work_orders(assignee_id, status);
CREATE INDEX work_orders_house ON work_orders(house_id, created_at);
CREATE INDEX work_orders_reporter ON work_orders(reporter_user_id, created_at);
CREATE INDEX work_orders_escalation ON work_orders(next_escalation_at);
CREATE INDEX work_orders_follow_up ON work_orders(follow_up_at);

-- The timeline: every step, in order (seq per order), never edited.
CREATE TABLE wo_events (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  seq INTEGER NOT NULL,
  action TEXT NOT NULL,              -- submit | assign | accept | arrive | pause | resume | complete | confirm | rate | cancel | reopen | escalate | follow_up
  from_status TEXT NOT NULL DEFAULT '',
  to_status TEXT NOT NULL DEFAULT '',
  actor_id INTEGER,
  actor_name TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL DEFAULT '{}',   -- JSON: reason, photos, materials, escalation step…
  at INTEGER NOT NULL,
  UNIQUE (work_order_id, seq)
);

CREATE TABLE wo_pauses (
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  reason TEXT NOT NULL,              -- owner | parts | other
  PRIMARY KEY (work_order_id, started_at)
);

-- Escalation steps sent, once each per timer (accept / finish) and reopen round.
CREATE TABLE wo_escalations (
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  timer TEXT NOT NULL,               -- accept | finish
  step TEXT NOT NULL,                -- warn | manager | hq
  round INTEGER NOT NULL,            -- reopen_count when sent
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (work_order_id, timer, step, round)
);

-- Follow-up calls (回访) by customer service.
CREATE TABLE wo_follow_ups (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  result TEXT NOT NULL,              -- satisfied | unsatisfied | unreachable
  rating INTEGER,
  note TEXT NOT NULL DEFAULT '',
  done_by INTEGER NOT NULL REFERENCES users(id),
  done_at INTEGER NOT NULL
);
CREATE INDEX wo_follow_ups_order ON wo_follow_ups(work_order_id);

-- Existing companies' built-in roles gain the work-order codes new companies start with.
UPDATE roles SET permissions = permissions || ' workorder:read workorder:write workorder:dispatch workorder:handle workorder:settings workorder:report'
  WHERE builtin = 1 AND code IN ('hq_admin', 'project_manager');
UPDATE roles SET permissions = permissions || ' workorder:read workorder:write workorder:dispatch workorder:report'
  WHERE builtin = 1 AND code = 'customer_service';
UPDATE roles SET permissions = permissions || ' workorder:handle'
  WHERE builtin = 1 AND code IN ('engineer', 'security', 'cleaner');
