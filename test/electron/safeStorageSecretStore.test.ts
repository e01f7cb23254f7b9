// The desktop secret store: secrets round-trip through safeStorage, the file holds no plain text, and without
// OS encryption nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore, type SafeStoragePort } from '../../electron/main/safeStorageSecretStore';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

// A stand-in for Electron's safeStorage (the binary cannot run here): reversible, but never plain text.
function fakeSafeStorage(available = true): SafeStoragePort {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
  };
}

describe('SafeStorageSecretStore', () => {
  it('stores, reads and deletes secrets without writing them in plain text', async () => {
    const folder = tempDir();
    const store = new SafeStorageSecretStore(fakeSafeStorage(), folder);
    await store.set('okta', 'SSWS-SECRET-VALUE');
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), folder).get('okta')).toBe('SSWS-SECRET-VALUE');
    expect(fs.readFileSync(path.join(folder, 'secrets.bin')).toString('latin1')).not.toContain('SSWS-SECRET-VALUE');
    await store.delete('okta');
    expect(await store.get('okta')).toBeUndefined();
  });

  it('refuses to save when the OS offers no encryption, and writes nothing', async () => {
    const folder = tempDir();
    const store = new SafeStorageSecretStore(fakeSafeStorage(false), folder);
    await expect(store.set('okta', 'x')).rejects.toThrow(/no encrypted storage/);
    expect(fs.existsSync(path.join(folder, 'secrets.bin'))).toBe(false);
  });
});
