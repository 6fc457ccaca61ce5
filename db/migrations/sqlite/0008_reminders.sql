-- Notifications (src/modules/notify: the outbox every channel goes through, in-app messages)
-- and reminders (催缴) with collection follow-ups (催收) (src/modules/billing/reminders.h).

CREATE TABLE notify_outbox (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER REFERENCES projects(id),
  channel TEXT NOT NULL,             -- sms | in_app
  recipient TEXT NOT NULL,           -- shown: a masked phone (138****1234) or the user's name
  user_id INTEGER REFERENCES users(id),  -- in_app: whose message
  phone_enc TEXT,                    -- sms: the number, AEAD-encrypted (context notify_outbox.phone)
  template TEXT NOT NULL,            -- the provider's template code, e.g. reminder
  params TEXT NOT NULL,              -- JSON object of the template's parameters
  title TEXT NOT NULL DEFAULT '',    -- in_app: the message's title
  text TEXT NOT NULL,                -- the rendered text
  status TEXT NOT NULL,              -- queued | sent | failed
  transport TEXT,                    -- how it went out: http | local (no SMS provider) | in_app
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at INTEGER NOT NULL,
  ref_type TEXT NOT NULL DEFAULT '', -- what it is about, e.g. reminder
  ref_id INTEGER,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX notify_outbox_queue ON notify_outbox(status, next_attempt_at);
CREATE INDEX notify_outbox_company ON notify_outbox(company_id, id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  outbox_id INTEGER NOT NULL UNIQUE REFERENCES notify_outbox(id),
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  ref_type TEXT NOT NULL DEFAULT '',
  ref_id INTEGER,
  read_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX messages_user ON messages(user_id, id);

CREATE TABLE reminder_rules (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  name TEXT NOT NULL,
  offset_days INTEGER NOT NULL,      -- days from the due date: -3 = three days before, 7 = a week after
  channels TEXT NOT NULL,            -- "sms", "in_app" or "sms in_app"
  template TEXT NOT NULL,            -- with {house} {amount} {due_date} {days_overdue}
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE reminders_sent (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  rule_id INTEGER NOT NULL REFERENCES reminder_rules(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  due_date TEXT NOT NULL,
  amount INTEGER NOT NULL,           -- 分 owed (principal + late fees) on bills due by due_date
  messages INTEGER NOT NULL DEFAULT 0,
  as_of TEXT NOT NULL,               -- the job's day
  created_at INTEGER NOT NULL,
  UNIQUE (rule_id, house_id, due_date)
);

CREATE TABLE collection_settings (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL UNIQUE REFERENCES projects(id),
  assign_after_days INTEGER NOT NULL,  -- a house overdue this many days goes to a specialist
  active INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);

CREATE TABLE collection_assignments (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  house_id INTEGER NOT NULL REFERENCES houses(id),
  assignee_id INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL,              -- open | closed
  oldest_due_date TEXT NOT NULL,     -- of the overdue bills when assigned
  owed_at_open INTEGER NOT NULL,     -- 分 overdue when assigned
  opened_at INTEGER NOT NULL,
  closed_at INTEGER,
  updated_at INTEGER NOT NULL
);
-- At most one open assignment per house: the job assigns a house once per overdue spell.
CREATE UNIQUE INDEX collection_assignments_open ON collection_assignments(house_id) WHERE status = 'open';
CREATE INDEX collection_assignments_assignee ON collection_assignments(company_id, assignee_id, status);

CREATE TABLE collection_follow_ups (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  assignment_id INTEGER NOT NULL REFERENCES collection_assignments(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  method TEXT NOT NULL,              -- call | visit | sms | other
  outcome TEXT NOT NULL,
  promised_date TEXT,
  promised_amount INTEGER,           -- 分
  created_at INTEGER NOT NULL
);
CREATE INDEX collection_follow_ups_assignment ON collection_follow_ups(assignment_id, id);

-- The built-in roles of existing companies learn the new codes (new companies get them
-- from identity/permissions.cc).
UPDATE roles SET permissions = permissions || ' billing:remind:read billing:remind:write billing:collect notify:outbox:read' WHERE builtin = 1 AND code = 'hq_admin';
UPDATE roles SET permissions = permissions || ' billing:remind:read billing:remind:write notify:outbox:read' WHERE builtin = 1 AND code = 'project_manager';
UPDATE roles SET permissions = permissions || ' billing:remind:read' WHERE builtin = 1 AND code IN ('cashier', 'finance');
UPDATE roles SET permissions = permissions || ' billing:collect' WHERE builtin = 1 AND code = 'collector';
