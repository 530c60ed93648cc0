// The app's Vault: secrets encrypted with Electron safeStorage (Keychain, DPAPI, libsecret/kwallet).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { Vault } from '../core/ports';

export function safeStorageVault(dataDir: string): Vault {
  const storePath = join(dataDir, 'secrets.json');
  const load = (): Record<string, string> => (existsSync(storePath) ? (JSON.parse(readFileSync(storePath, 'utf8')) as Record<string, string>) : {});
  const save = (entries: Record<string, string>) => writeFileSync(storePath, JSON.stringify(entries), { mode: 0o600 });
  // On Linux without a keyring, safeStorage falls back to a hard-coded key: not real protection.
  const weak = !safeStorage.isEncryptionAvailable() || (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');

  return {
    protection: weak ? 'weak' : 'os',
    async get(name) {
      const sealed = load()[name];
      return sealed ? safeStorage.decryptString(Buffer.from(sealed, 'base64')) : null;
    },
    async set(name, secret) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('This computer offers no way to encrypt secrets; nothing was stored.');
      save({ ...load(), [name]: safeStorage.encryptString(secret).toString('base64') });
    },
    async delete(name) {
      const entries = load();
      delete entries[name];
      save(entries);
    },
  };
}
