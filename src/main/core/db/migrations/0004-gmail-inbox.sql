-- Gmail and inbox sync: the rep's signature, what the inbox watcher has seen, and the sends each mailbox made in the last day (for its daily cap).

ALTER TABLE accounts ADD COLUMN signature_html TEXT;
ALTER TABLE accounts ADD COLUMN workspace INTEGER NOT NULL DEFAULT 0; -- 1: Google Workspace (higher daily limit)
ALTER TABLE accounts ADD COLUMN calendar_checked_at INTEGER;
ALTER TABLE accounts ADD COLUMN last_error_at INTEGER;

-- Inbound mail is matched to our sends by Message-ID and thread.
CREATE INDEX messages_message_id_header ON messages (message_id_header);
CREATE INDEX step_runs_thread ON step_runs (provider_thread_id);
CREATE INDEX enrollments_thread ON enrollments (thread_id);

-- One row per email a mailbox sent, kept for a day: the rolling daily cap counts them.
CREATE TABLE account_sends (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX account_sends_window ON account_sends (account_id, at);

-- Calendar events already acted on, so a meeting stops an enrollment once.
CREATE TABLE calendar_seen (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (account_id, event_id)
) STRICT;
