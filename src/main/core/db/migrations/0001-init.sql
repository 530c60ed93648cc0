-- The first schema: every table the product is built on. Times are UTC milliseconds.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) STRICT;

-- A connected mailbox (Gmail or Outlook) that sends and is watched for replies.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  provider TEXT NOT NULL CHECK (provider IN ('gmail', 'outlook')),
  email TEXT NOT NULL,
  display_name TEXT,
  status TEXT NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'needs_reconnect', 'disconnected')),
  status_reason TEXT,
  sync_cursor TEXT, -- Gmail historyId or Graph deltaLink
  last_synced_at INTEGER,
  daily_cap INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (provider, email)
) STRICT;

CREATE TABLE prospects (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  email_normalized TEXT NOT NULL UNIQUE,
  first_name TEXT,
  last_name TEXT,
  company TEXT,
  title TEXT,
  phone TEXT, -- E.164
  phone_raw TEXT,
  linkedin_url TEXT,
  website TEXT,
  domain TEXT,
  city TEXT,
  region TEXT,
  country TEXT, -- ISO 3166-1 alpha-2
  time_zone TEXT, -- IANA name
  time_zone_source TEXT,
  industry TEXT,
  source TEXT,
  custom_fields TEXT NOT NULL DEFAULT '{}', -- JSON object
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suppressed', 'bounced', 'unsubscribed')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX prospects_created ON prospects (created_at DESC, id DESC);
CREATE INDEX prospects_domain ON prospects (domain);

CREATE TABLE sequences (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived')),
  schedule TEXT NOT NULL DEFAULT '{}', -- JSON: send days and hours
  options TEXT NOT NULL DEFAULT '{}', -- JSON: stop rules and other per-sequence settings
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE steps (
  id INTEGER PRIMARY KEY,
  sequence_id INTEGER NOT NULL REFERENCES sequences (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('auto_email', 'manual_email', 'call', 'task')),
  delay_amount INTEGER NOT NULL DEFAULT 0,
  delay_unit TEXT NOT NULL DEFAULT 'business_days' CHECK (delay_unit IN ('business_days', 'days', 'hours')),
  thread_mode TEXT NOT NULL DEFAULT 'reply' CHECK (thread_mode IN ('reply', 'new')),
  variants TEXT NOT NULL DEFAULT '[]', -- JSON: [{ subject, body }] for email steps
  note TEXT, -- call script or task instructions
  deleted_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX steps_sequence ON steps (sequence_id, position);

CREATE TABLE enrollments (
  id INTEGER PRIMARY KEY,
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
  sequence_id INTEGER NOT NULL REFERENCES sequences (id) ON DELETE CASCADE,
  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'finished')),
  finish_reason TEXT,
  paused_until INTEGER,
  thread_id TEXT, -- the provider thread follow-ups reply in
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX enrollments_one_open ON enrollments (prospect_id, sequence_id) WHERE status <> 'finished';
CREATE INDEX enrollments_sequence ON enrollments (sequence_id, status);

-- The outbox: one row per step an enrollment reaches.
CREATE TABLE step_runs (
  id INTEGER PRIMARY KEY,
  enrollment_id INTEGER NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  step_id INTEGER NOT NULL REFERENCES steps (id),
  variant INTEGER,
  state TEXT NOT NULL CHECK (state IN ('scheduled', 'awaiting_approval', 'sending', 'sent', 'done', 'skipped', 'failed', 'cancelled')),
  due_at INTEGER NOT NULL,
  message_id TEXT UNIQUE, -- our RFC 5322 Message-ID, stored before anything leaves the machine
  provider_message_id TEXT,
  provider_thread_id TEXT,
  subject TEXT,
  body TEXT,
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  completed_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX step_runs_due ON step_runs (state, due_at);
CREATE INDEX step_runs_enrollment ON step_runs (enrollment_id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
  prospect_id INTEGER REFERENCES prospects (id) ON DELETE CASCADE,
  step_run_id INTEGER REFERENCES step_runs (id) ON DELETE SET NULL,
  direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
  provider_message_id TEXT,
  provider_thread_id TEXT,
  message_id_header TEXT,
  in_reply_to TEXT,
  from_address TEXT,
  to_addresses TEXT,
  subject TEXT,
  snippet TEXT,
  body_html TEXT,
  body_text TEXT,
  classification TEXT,
  at INTEGER NOT NULL,
  UNIQUE (account_id, provider_message_id)
) STRICT;
CREATE INDEX messages_prospect ON messages (prospect_id, at DESC);
CREATE INDEX messages_thread ON messages (provider_thread_id);

CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
  step_run_id INTEGER REFERENCES step_runs (id) ON DELETE SET NULL,
  phone TEXT,
  outcome TEXT CHECK (outcome IN ('connected', 'voicemail', 'no_answer', 'wrong_number', 'meeting_booked')),
  notes TEXT,
  placed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX calls_prospect ON calls (prospect_id, placed_at DESC);

-- Every decision the engine and the rep make: the prospect's timeline.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  prospect_id INTEGER REFERENCES prospects (id) ON DELETE CASCADE,
  enrollment_id INTEGER REFERENCES enrollments (id) ON DELETE CASCADE,
  step_run_id INTEGER REFERENCES step_runs (id) ON DELETE SET NULL,
  type TEXT NOT NULL,
  reason TEXT,
  data TEXT NOT NULL DEFAULT '{}', -- JSON
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX events_prospect ON events (prospect_id, at DESC, id DESC);
