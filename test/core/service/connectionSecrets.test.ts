// The service tells the UI whether credentials outlive the session (and why not), passes on secret-file notices, and
// can read the API token from a file the user names (checked like the CLI's, read again at each use, never stored).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { createOktaPrepService } from '../../../electron/core/service/oktaPrepService';
import { MemorySecretStore, type SecretStore } from '../../../electron/core/service/secretStore';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { SafeStorageSecretStore, type SafeStoragePort } from '../../../electron/main/safeStorageSecretStore';
import { writePrivateFile } from '../../helpers/privateFile';
import { useTempDirs } from '../../helpers/tempDir';
import { serviceOverFolder } from '../../helpers/serviceOverFolder';

const TOKEN = 'token-file-test-SECRET-44d1';
const tempDir = useTempDirs();
const services: ReturnType<typeof createOktaPrepService>[] = [];
const databases: ReturnType<typeof openDatabase>[] = [];
let okta: FakeOktaServer;

beforeAll(async () => {
  okta = await startFakeOktaServer({
    org: generateOrg({ seed: 'secrets', users: 20, groups: 4, apps: 3 }),
    apiToken: TOKEN,
  });
});
afterAll(async () => {
  for (const service of services) await service.close();
  for (const db of databases) db.close();
  await okta?.close();
});

/** A service over a data folder, as the app starts it; a second call on the same folder is a restart. */
function startService(dataFolder: string, secrets: SecretStore) {
  const { service, db } = serviceOverFolder(dataFolder, { secrets });
  databases.push(db);
  services.push(service);
  return service;
}

function fakeSafeStorage(backend: string): SafeStoragePort {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
    decryptString: (data) => {
      const text = data.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(text.slice(7), 'base64').toString();
    },
  };
}

async function failureOf(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  return { code: (error as { code?: string }).code ?? 'none', message: (error as Error).message };
}

describe('connection secrets in the service', () => {
  it('without a keyring keeps the token for the session, says why, and asks for it again after a restart', async () => {
    const folder = tempDir();
    const first = startService(folder, new SafeStorageSecretStore(fakeSafeStorage('basic_text'), folder, 'linux'));
    const saved = await first['connection.save']({ orgUrl: okta.url, auth: { kind: 'ssws', token: TOKEN } });
    expect(saved).toMatchObject({
      hasSecret: true,
      secretPersistence: { persisted: false, reason: expect.stringMatching(/^No system keyring .*basic_text/) },
    });
    expect((await first['connection.test']({})).ok).toBe(true); // usable for this session
    expect(fs.existsSync(path.join(folder, 'secrets.bin'))).toBe(false);

    const restarted = startService(folder, new SafeStorageSecretStore(fakeSafeStorage('basic_text'), folder, 'linux'));
    expect(await restarted['connection.get']({})).toMatchObject({
      orgUrl: okta.url,
      hasSecret: false,
      secretPersistence: { persisted: false },
    });
    const failure = await failureOf(restarted['connection.test']({}));
    expect(failure.code).toBe('NOT_CONNECTED');
    expect(failure.message).toMatch(
      new RegExp(
        `^enter the API token for ${okta.url.replace(/[.]/g, '\\.')} on the Connect screen: ` +
          `it is not kept between sessions\\. No system keyring`,
      ),
    );
  });

  it('reports an undecryptable secrets.bin on connection.get, and on save replaces it and says so', async () => {
    const folder = tempDir();
    const first = startService(folder, new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), folder, 'linux'));
    await first['connection.save']({ orgUrl: okta.url, auth: { kind: 'ssws', token: TOKEN } });
    fs.writeFileSync(path.join(folder, 'secrets.bin'), 'written under another keyring');

    const restarted = startService(
      folder,
      new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), folder, 'linux'),
    );
    const info = await restarted['connection.get']({});
    expect(info).toMatchObject({
      hasSecret: false,
      secretPersistence: { persisted: true },
      notices: [expect.stringContaining('could not be decrypted')],
    });
    const saved = await restarted['connection.save']({ orgUrl: okta.url, auth: { kind: 'ssws', token: TOKEN } });
    expect(saved.notices).toEqual([
      expect.stringMatching(/could not be decrypted, so it was replaced with the new credentials\.$/),
    ]);
    expect(saved.hasSecret).toBe(true);
    expect(await restarted['connection.get']({})).not.toHaveProperty('notices');
  });

  it('reads the token from a 0600 file the user names, again after a restart, without storing it', async () => {
    const folder = tempDir();
    const tokenFile = writePrivateFile(path.join(tempDir(), 'okta-token'), `${TOKEN}\n`);
    const secrets = new MemorySecretStore();
    const first = startService(folder, secrets);
    const saved = await first['connection.save']({ orgUrl: okta.url, auth: { kind: 'ssws', tokenFile } });
    expect(saved).toMatchObject({ tokenFile, hasSecret: true });
    expect(await secrets.get(`okta-credentials:${okta.url}`)).toBeUndefined();
    expect(fs.readFileSync(path.join(folder, 'connection.json'), 'utf8')).not.toContain(TOKEN);

    const restarted = startService(folder, new MemorySecretStore());
    expect((await restarted['connection.test']({})).ok).toBe(true);
  });

  it('refuses a token file other users can read, or a relative path, saying how to fix it', async () => {
    const service = startService(tempDir(), new MemorySecretStore());
    const tokenFile = writePrivateFile(path.join(tempDir(), 'okta-token'), TOKEN);
    fs.chmodSync(tokenFile, 0o644);
    expect(
      await failureOf(service['connection.save']({ orgUrl: okta.url, auth: { kind: 'ssws', tokenFile } })),
    ).toEqual({
      code: 'BAD_INPUT',
      message:
        `the token file ${tokenFile} is readable by other users (mode 0644): run \`chmod 600 ${tokenFile}\` and ` +
        `try again`,
    });
    expect(
      await failureOf(
        service['connection.save']({ orgUrl: okta.url, auth: { kind: 'ssws', tokenFile: 'okta-token' } }),
      ),
    ).toEqual({
      code: 'BAD_INPUT',
      message: `give the token file's full path (not "okta-token")`,
    });
  });
});
