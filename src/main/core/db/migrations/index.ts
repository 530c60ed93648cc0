// The ordered list of migrations. Append only: a migration is never edited after it ships.
import init from './0001-init.sql?raw';
import gmailInbox from './0004-gmail-inbox.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: '0001-init', sql: init },
  // Numbered 0004 on its branch; the lead renumbers the versions at merge.
  { version: 2, name: '0004-gmail-inbox', sql: gmailInbox },
];
