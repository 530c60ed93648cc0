-- The search index is built again without the columns each word was found in (detail = none; it was detail = column).
--
-- Search asks only whether each word the rep typed starts a word of a prospect's name, email or company, in any of
-- them (prospectList.ts ftsQuery): it never names a column, and never asks for a phrase. The column lists were
-- written for every word of every prospect and never read. Without them the index is less than half the size (about
-- 2.3 MB instead of 5.2 MB over 100,000 prospects) and is written in about a third less time (0.22 s instead of
-- 0.33 s for 100,000 prospects, measured alone; some 50 ms less of an import's main thread, its critical path).
-- Searches over 100,000 prospects take the same time within a millisecond or two.
--
-- The rest is as before: two-letter prefixes (0009), secure-delete (0009) and the 8 MB of new words kept in memory
-- (0010). The triggers on prospects write to it as before.
DROP TABLE prospects_fts;
CREATE VIRTUAL TABLE prospects_fts USING fts5 (
  name, email, company,
  content = 'prospects', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2',
  detail = none, columnsize = 0
);
INSERT INTO prospects_fts (prospects_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO prospects_fts (prospects_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO prospects_fts (rowid, name, email, company)
SELECT id, coalesce(first_name, '') || ' ' || coalesce(last_name, ''), email, coalesce(company, '') FROM prospects;
