-- The scheduling engine: who acts on a run, review warnings, attachments, A/B round-robin, pacing, and the indexes the tick and the queue need.

-- 1: the engine acts on the run by itself (automatic or approved email); 0: it waits for the rep (queue).
ALTER TABLE step_runs ADD COLUMN auto INTEGER NOT NULL DEFAULT 0;
-- Why an email is held for review (e.g. a merge field that resolved to nothing).
ALTER TABLE step_runs ADD COLUMN warning TEXT;
ALTER TABLE step_runs ADD COLUMN approved_at INTEGER;

-- The tick: due automatic work, in due order; grows with due work, not with all runs.
CREATE INDEX step_runs_auto_due ON step_runs (due_at) WHERE state = 'scheduled' AND auto = 1;
-- Emails the rep approved: they skip the spacing wait, so the tick looks for them even while every mailbox waits.
CREATE INDEX step_runs_approved_due ON step_runs (due_at) WHERE state = 'scheduled' AND auto = 1 AND approved_at IS NOT NULL;
-- The Today queue: work that waits for the rep.
CREATE INDEX step_runs_queue_due ON step_runs (due_at) WHERE auto = 0 AND state IN ('scheduled', 'awaiting_approval', 'failed');
-- Reconcile on start: runs left in sending.
CREATE INDEX step_runs_sending ON step_runs (id) WHERE state = 'sending';
CREATE INDEX step_runs_step ON step_runs (step_id, state);

-- Out-of-office pauses resume by themselves.
CREATE INDEX enrollments_paused_until ON enrollments (paused_until) WHERE status = 'paused' AND paused_until IS NOT NULL;
CREATE INDEX enrollments_prospect ON enrollments (prospect_id, status);
CREATE INDEX enrollments_no_account ON enrollments (id) WHERE account_id IS NULL AND status <> 'finished';

-- Next A/B variant to hand out, so variants are assigned evenly.
ALTER TABLE steps ADD COLUMN next_variant INTEGER NOT NULL DEFAULT 0;
-- JSON array of attachment ids.
ALTER TABLE steps ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';

-- Files (a guide, a case study) stored in the data folder for a sequence's email steps.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  sequence_id INTEGER NOT NULL REFERENCES sequences (id) ON DELETE CASCADE,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  stored_name TEXT NOT NULL UNIQUE, -- file name inside <data>/attachments
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX attachments_sequence ON attachments (sequence_id);

-- Every automatic send, for the daily cap per mailbox and per company domain.
CREATE TABLE send_ledger (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  step_run_id INTEGER REFERENCES step_runs (id) ON DELETE SET NULL,
  domain TEXT,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX send_ledger_account ON send_ledger (account_id, at);
CREATE INDEX send_ledger_domain ON send_ledger (account_id, domain, at);

-- Per mailbox: the earliest instant of its next automatic send (spacing, rate limits, auth pauses).
CREATE TABLE account_pacing (
  account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  next_send_at INTEGER NOT NULL,
  paused_reason TEXT
) STRICT;

CREATE INDEX events_enrollment ON events (enrollment_id, at DESC);
