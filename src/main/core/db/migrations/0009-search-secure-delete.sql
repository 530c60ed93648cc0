-- The search index is built again, with two changes.
--
-- secure-delete: a deleted prospect's words leave the index at once. By default FTS5 records a deletion as a marker
-- and drops the words only when segments are merged later, so after a deletion (a privacy request, say) the name and
-- company stayed readable in the store file. Now the entries are taken out of the index pages themselves, which
-- secure_delete (db/open.ts) then overwrites. Building the index again from the prospects there are also drops the
-- words of those deleted before this version.
--
-- prefix = '2' (was '2 3'): each word is indexed with its first two letters as well, no longer also its first three.
-- A three-letter search ("gar") reads the two-letter entries' word list instead, about 2 ms over 100,000 prospects,
-- and every import indexes a quarter less (about 80 ms per 100,000 prospects, on the import's critical path).
DROP TABLE prospects_fts;
CREATE VIRTUAL TABLE prospects_fts USING fts5 (
  name, email, company,
  content = 'prospects', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2',
  detail = column, columnsize = 0
);
INSERT INTO prospects_fts (prospects_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO prospects_fts (rowid, name, email, company)
SELECT id, coalesce(first_name, '') || ' ' || coalesce(last_name, ''), email, coalesce(company, '') FROM prospects;

-- A deletion of many prospects skips the per-row work and builds the index again from those left (prospectRemoval.ts).
-- stale says a deletion made in slices has not rebuilt it yet; search shows only prospects that exist meanwhile.
ALTER TABLE search_index_control ADD COLUMN stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1));
