-- A deleted prospect's words leave the search index at once. By default FTS5 records a deletion as a marker and drops
-- the words only when segments are merged later, so after a deletion (a privacy request, say) the name and company
-- stayed readable in the store file. With secure-delete the entries are taken out of the index pages themselves,
-- which secure_delete (db/open.ts) then overwrites. 'optimize' merges the index once, so words of prospects deleted
-- before this version go too.
INSERT INTO prospects_fts (prospects_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO prospects_fts (prospects_fts) VALUES ('optimize');

-- A deletion of many prospects skips the per-row work and builds the index again from those left (prospectRemoval.ts).
-- stale says a deletion made in slices has not rebuilt it yet; search shows only prospects that exist meanwhile.
ALTER TABLE search_index_control ADD COLUMN stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1));
