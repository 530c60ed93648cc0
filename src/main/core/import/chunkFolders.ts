// Where an import's chunk files live: a folder beside the store, or the system's temp folder for an in-memory store.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { storeFile, type Db } from '../db/open';

export interface ChunkFolders {
  /** A new, empty folder for one import's chunk files. */
  folderFor(importId: number): string;
  /** Deletes an import's folder and whatever chunk files are left in it. */
  remove(folder: string): void;
}

export function chunkFolders(db: Db): ChunkFolders {
  const file = storeFile(db);
  // Beside the store: the same disk, and the app's own folder, where nothing else writes.
  const root = file ? join(dirname(file), 'import-chunks') : join(tmpdir(), 'repdesk-import-chunks');
  // Files a previous run left there (it stopped mid-import) are of no use now. The shared temp folder of in-memory
  // stores (tests, benchmarks) may be in use by another process, so only each import's own folder is removed there.
  if (file) rmSync(root, { recursive: true, force: true });
  return {
    folderFor(importId) {
      const folder = join(root, `import-${importId}-${randomUUID().slice(0, 8)}`);
      mkdirSync(folder, { recursive: true });
      return folder;
    },
    remove: (folder) => rmSync(folder, { recursive: true, force: true }),
  };
}
