-- Spreadsheet import: the imports themselves, the rows they could not take, tags, the suppression list,
-- and the indexes and full-text search the prospects screen queries need.

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_size INTEGER NOT NULL DEFAULT 0,
  sheet TEXT,
  tag TEXT,
  duplicate_policy TEXT NOT NULL DEFAULT 'skip' CHECK (duplicate_policy IN ('skip', 'fill_empty', 'overwrite')),
  mapping TEXT NOT NULL DEFAULT '{}', -- JSON: column index -> field
  status TEXT NOT NULL DEFAULT 'uploading' CHECK (status IN ('uploading', 'ready', 'running', 'done', 'cancelled', 'failed')),
  failure TEXT,
  total_rows INTEGER NOT NULL DEFAULT 0,
  created_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  duplicate_count INTEGER NOT NULL DEFAULT 0,
  suppressed_count INTEGER NOT NULL DEFAULT 0,
  rejected_count INTEGER NOT NULL DEFAULT 0,
  blank_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
CREATE INDEX imports_created ON imports (created_at DESC);

-- Rows an import did not turn into a prospect: rejected (with the reason, fixable) or skipped as a duplicate
-- (with the prospect it matched). Raw values are kept as read, keyed by header.
CREATE TABLE import_rows (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  row_number INTEGER NOT NULL, -- 1-based line in the sheet, as the rep sees it in Excel
  outcome TEXT NOT NULL CHECK (outcome IN ('rejected', 'duplicate')),
  reason TEXT NOT NULL,
  raw TEXT NOT NULL, -- JSON object: header -> value
  prospect_id INTEGER REFERENCES prospects (id) ON DELETE SET NULL,
  resolved_at INTEGER
) STRICT;
CREATE INDEX import_rows_import ON import_rows (import_id, outcome, row_number);
CREATE INDEX import_rows_open ON import_rows (outcome, resolved_at);
CREATE INDEX import_rows_prospect ON import_rows (prospect_id);

ALTER TABLE prospects ADD COLUMN import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL;
ALTER TABLE prospects ADD COLUMN search_name TEXT NOT NULL DEFAULT ''; -- lower-case "first last", for sorting
CREATE INDEX prospects_import ON prospects (import_id, created_at DESC, id DESC);
CREATE INDEX prospects_status ON prospects (status, created_at DESC, id DESC);
CREATE INDEX prospects_time_zone ON prospects (time_zone, created_at DESC, id DESC);
CREATE INDEX prospects_name ON prospects (search_name, id);
CREATE INDEX prospects_company ON prospects (company COLLATE NOCASE, id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE prospect_tags (
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (prospect_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX prospect_tags_tag ON prospect_tags (tag_id, prospect_id);

-- Do-not-contact: an exact email or a whole domain.
CREATE TABLE suppressions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'domain')),
  value TEXT NOT NULL, -- normalised: lower-case email, or lower-case domain without "@"
  reason TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (kind, value)
) STRICT;

-- Word-prefix search over name, email and company, kept in step with prospects by triggers.
CREATE VIRTUAL TABLE prospects_fts USING fts5 (
  name, email, company,
  content = 'prospects', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3',
  detail = column, columnsize = 0
);
-- An import indexes its new rows in one pass at the end of its transaction: it drops the insert trigger (an
-- AFTER INSERT trigger, even one that does nothing, doubles the cost of each insert) and recreates it from
-- sqlite_master before committing. Meanwhile rows with id > deferred_after are not in the index, so the
-- update and delete triggers leave them alone. Outside an import deferred_after is NULL; no other connection
-- ever sees it set, since it is set and cleared inside that one transaction.
CREATE TABLE search_index_control (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  deferred_after INTEGER
) STRICT;
INSERT INTO search_index_control (id, deferred_after) VALUES (1, NULL);

CREATE TRIGGER prospects_fts_insert AFTER INSERT ON prospects BEGIN
  INSERT INTO prospects_fts (rowid, name, email, company)
  VALUES (new.id, coalesce(new.first_name, '') || ' ' || coalesce(new.last_name, ''), new.email, coalesce(new.company, ''));
END;
CREATE TRIGGER prospects_fts_delete AFTER DELETE ON prospects
WHEN old.id <= coalesce((SELECT deferred_after FROM search_index_control WHERE id = 1), old.id) BEGIN
  INSERT INTO prospects_fts (prospects_fts, rowid, name, email, company)
  VALUES ('delete', old.id, coalesce(old.first_name, '') || ' ' || coalesce(old.last_name, ''), old.email, coalesce(old.company, ''));
END;
CREATE TRIGGER prospects_fts_update AFTER UPDATE OF first_name, last_name, email, company ON prospects
WHEN old.id <= coalesce((SELECT deferred_after FROM search_index_control WHERE id = 1), old.id) BEGIN
  INSERT INTO prospects_fts (prospects_fts, rowid, name, email, company)
  VALUES ('delete', old.id, coalesce(old.first_name, '') || ' ' || coalesce(old.last_name, ''), old.email, coalesce(old.company, ''));
  INSERT INTO prospects_fts (rowid, name, email, company)
  VALUES (new.id, coalesce(new.first_name, '') || ' ' || coalesce(new.last_name, ''), new.email, coalesce(new.company, ''));
END;
