// The desktop secret store: secrets round-trip through safeStorage and the file holds no plain text; without a real
// key store (Linux basic_text, or no encryption) nothing is written and secrets last for the session; an
// undecryptable secrets.bin never blocks a save, is replaced, and the user is told.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore, type SafeStoragePort } from '../../electron/main/safeStorageSecretStore';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

// A stand-in for Electron's safeStorage (the binary cannot run here): reversible, but never plain text.
function fakeSafeStorage(
  options: { available?: boolean; backend?: string } = {},
): SafeStoragePort & { encryptions: number } {
  const port = {
    encryptions: 0,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text: string) => {
      port.encryptions++;
      return Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a));
    },
    decryptString: (data: Buffer) => {
      const text = Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8');
      if (!text.startsWith('{'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text;
    },
  };
  return port;
}

describe('SafeStorageSecretStore', () => {
  it('stores, reads and deletes secrets in a 0600 file without writing them in plain text', async () => {
    const folder = tempDir();
    const store = new SafeStorageSecretStore(fakeSafeStorage(), folder, 'linux');
    expect(store.persistence()).toEqual({ persisted: true });
    await store.set('okta', 'SSWS-SECRET-VALUE');
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), folder, 'linux').get('okta')).toBe('SSWS-SECRET-VALUE');
    const file = path.join(folder, 'secrets.bin');
    expect(fs.readFileSync(file).toString('latin1')).not.toContain('SSWS-SECRET-VALUE');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await store.delete('okta');
    expect(await store.get('okta')).toBeUndefined();
    expect(store.takeNotices()).toEqual([]);
  });

  it('on Linux with the basic_text backend (no keyring) keeps secrets for the session only and says why', async () => {
    const folder = tempDir();
    const safeStorage = fakeSafeStorage({ backend: 'basic_text' }); // basic_text reports encryption as available
    const store = new SafeStorageSecretStore(safeStorage, folder, 'linux');
    expect(store.persistence()).toEqual({
      persisted: false,
      reason: expect.stringMatching(
        /^No system keyring \(Electron safeStorage would use its basic_text backend.*not saved/,
      ),
    });
    await store.set('okta', 'SSWS-SESSION');
    expect(await store.get('okta')).toBe('SSWS-SESSION');
    expect(safeStorage.encryptions).toBe(0);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(
      await new SafeStorageSecretStore(fakeSafeStorage({ backend: 'basic_text' }), folder, 'linux').get('okta'),
    ).toBeUndefined(); // after a restart
  });

  it('asks the backend only on Linux, where Electron reports it', () => {
    expect(
      new SafeStorageSecretStore(fakeSafeStorage({ backend: 'basic_text' }), tempDir(), 'darwin').persistence(),
    ).toEqual({ persisted: true });
  });

  it('without OS encryption writes nothing, keeps the secret for the session and says why', async () => {
    const folder = tempDir();
    const store = new SafeStorageSecretStore(fakeSafeStorage({ available: false }), folder, 'win32');
    expect(store.persistence()).toEqual({
      persisted: false,
      reason: expect.stringMatching(/offers no encrypted storage, so the token is not saved/),
    });
    await store.set('okta', 'x');
    expect(await store.get('okta')).toBe('x');
    expect(fs.existsSync(path.join(folder, 'secrets.bin'))).toBe(false);
  });

  it('reads an undecryptable secrets.bin as empty with a notice, and a save replaces it and says so', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'secrets.bin');
    fs.writeFileSync(file, Buffer.from('sealed by a keyring that is gone'));
    const store = new SafeStorageSecretStore(fakeSafeStorage(), folder, 'linux');
    expect(await store.get('okta')).toBeUndefined();
    expect(store.takeNotices()).toEqual([
      `The saved credentials file ${file} could not be decrypted (the system keyring was reset, or the file ` +
        `comes from another user or computer): enter the token again; saving replaces the file.`,
    ]);
    expect(store.takeNotices()).toEqual([]); // each said once
    await store.get('okta');
    await store.set('okta', 'NEW-TOKEN');
    expect(store.takeNotices()).toEqual([
      `The saved credentials file ${file} could not be decrypted, so it was replaced with the new credentials.`,
    ]);
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), folder, 'linux').get('okta')).toBe('NEW-TOKEN');
  });
});
