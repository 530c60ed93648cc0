// The ordered list of migrations. Append only: a migration is never edited after it ships.
import init from './0001-init.sql?raw';
import engine from './0003-engine.sql?raw';
import queue from './0005-queue.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: '0001-init', sql: init },
  // Numbered 0003 on disk; the lead renumbers at merge (0002 holds the import tables).
  { version: 2, name: '0003-engine', sql: engine },
  // Numbered 0005 on disk; the lead renumbers at merge.
  { version: 3, name: '0005-queue', sql: queue },
];
