-- The existing prospects each import updated, so "enroll the prospects this import created or updated" still
-- knows them after a restart (the prospects it created carry its import_id).
CREATE TABLE import_updates (
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
  PRIMARY KEY (import_id, prospect_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX import_updates_prospect ON import_updates (prospect_id);
