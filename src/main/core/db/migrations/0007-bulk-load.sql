-- A big import into a small store drops the prospects' secondary indexes while its chunks go in and builds them
-- again at its end (much cheaper than growing them row by row). Their definitions wait here meanwhile, committed with
-- the drop, so a Repdesk that stops mid-import builds them again when it next opens the store (see db/open.ts).
CREATE TABLE bulk_load_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL,
  import_id INTEGER NOT NULL
) STRICT;

-- Narrower indexes for the prospects screen: "Added" sorts by id (the order prospects were added), and SQLite ends
-- every index with the rowid, so one column each serves the same filters and sorts, for less to build and grow.
DROP INDEX prospects_created;
DROP INDEX prospects_import;
DROP INDEX prospects_status;
DROP INDEX prospects_time_zone;
DROP INDEX prospects_name;
DROP INDEX prospects_company;
CREATE INDEX prospects_import ON prospects (import_id);
CREATE INDEX prospects_status ON prospects (status);
CREATE INDEX prospects_time_zone ON prospects (time_zone);
CREATE INDEX prospects_name ON prospects (search_name);
CREATE INDEX prospects_company ON prospects (company COLLATE NOCASE);
