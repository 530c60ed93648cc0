// The harness's Vault: AES-256-GCM with a key file beside the data. Honest about being weak:
// the key is not protected by an OS keychain, so it reports protection 'weak' and the rep is asked first.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Vault } from '../core/ports';

export function fileVault(dataDir: string): Vault {
  mkdirSync(dataDir, { recursive: true });
  const keyPath = join(dataDir, 'vault.key');
  const storePath = join(dataDir, 'vault.json');
  if (!existsSync(keyPath)) writeFileSync(keyPath, randomBytes(32), { mode: 0o600 });
  const key = readFileSync(keyPath);

  const load = (): Record<string, string> => (existsSync(storePath) ? (JSON.parse(readFileSync(storePath, 'utf8')) as Record<string, string>) : {});
  const save = (entries: Record<string, string>) => writeFileSync(storePath, JSON.stringify(entries), { mode: 0o600 });

  return {
    protection: 'weak',
    async get(name) {
      const sealed = load()[name];
      if (!sealed) return null;
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    async set(name, secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      save({ ...load(), [name]: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') });
    },
    async delete(name) {
      const entries = load();
      delete entries[name];
      save(entries);
    },
  };
}
