// The page size of the store and of an import's chunk files (apart from open.ts, so the import's workers load only this).
/**
 * Pages of 16 KB instead of SQLite's 4 KB, for a new store and an import's chunk files. An import writes tens of
 * megabytes at a time (about 50 MB for 100,000 prospects): with a quarter as many pages, SQLite splits, balances, caches
 * and logs a quarter as many. In 6 alternating runs of a 100,000-row CSV import, the median fell from 1,569 to 1,495 ms
 * (32 KB pages: 1,489 ms). An edit of one prospect logs 16 KB for each page it changes instead of 4 KB, a few pages. A
 * store made before keeps its 4 KB pages: the page size of a store in WAL mode only changes by copying it whole.
 */
export const pageSize = 16_384;
