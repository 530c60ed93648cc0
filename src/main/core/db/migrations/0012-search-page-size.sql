-- The search index's leaves are as big as the store's pages allow (FTS5's default, 4,050 bytes, suits 4 KB pages).
--
-- Each leaf of the index is a row of prospects_fts_data. A store made with 16 KB pages (db/pageSize.ts) held four
-- leaves of 4 KB a page; now it holds one of about 16 KB, so an import writes a quarter as many rows to the index. In
-- 6 alternating runs of a 100,000-row CSV import, the median fell from 1,559 to 1,511 ms. A store with 4 KB pages keeps
-- 4,050 (its page size less the 46 bytes a row's header and the page's take). Leaves already written stay as they are.
INSERT INTO prospects_fts (prospects_fts, rank) SELECT 'pgsz', page_size - 46 FROM pragma_page_size();
