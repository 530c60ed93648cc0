// The ordered list of migrations. Append only: a migration is never edited after it ships.
import init from './0001-init.sql?raw';
import importing from './0002-import.sql?raw';
import engine from './0003-engine.sql?raw';
import gmailInbox from './0004-gmail-inbox.sql?raw';
import queue from './0005-queue.sql?raw';
import importUpdates from './0006-import-updates.sql?raw';
import bulkLoad from './0007-bulk-load.sql?raw';
import issuePages from './0008-issue-pages.sql?raw';
import searchSecureDelete from './0009-search-secure-delete.sql?raw';
import searchIndexHash from './0010-search-index-hash.sql?raw';
import searchDetailNone from './0011-search-detail-none.sql?raw';
import searchPageSize from './0012-search-page-size.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: '0001-init', sql: init },
  { version: 2, name: '0002-import', sql: importing },
  { version: 3, name: '0003-engine', sql: engine },
  { version: 4, name: '0004-gmail-inbox', sql: gmailInbox },
  { version: 5, name: '0005-queue', sql: queue },
  { version: 6, name: '0006-import-updates', sql: importUpdates },
  { version: 7, name: '0007-bulk-load', sql: bulkLoad },
  { version: 8, name: '0008-issue-pages', sql: issuePages },
  { version: 9, name: '0009-search-secure-delete', sql: searchSecureDelete },
  { version: 10, name: '0010-search-index-hash', sql: searchIndexHash },
  { version: 11, name: '0011-search-detail-none', sql: searchDetailNone },
  { version: 12, name: '0012-search-page-size', sql: searchPageSize },
];
