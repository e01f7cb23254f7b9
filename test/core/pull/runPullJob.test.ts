// runPullJob, the pull the CLI and the app's job worker both start: it signs in with the credentials it is given and
// pulls through a governed client; a key that cannot be used fails before any snapshot starts.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { PrivateKeyError } from '../../../electron/core/okta/oauth/loadPrivateKey';
import { runPullJob } from '../../../electron/core/pull/runPullJob';
import { openDatabase } from '../../../electron/core/store/openDatabase';
import { getSnapshot, listSnapshots } from '../../../electron/core/store/snapshots';
import { useTempDirs } from '../../helpers/tempDir';

const TOKEN = 'run-pull-job-token';
const tempDir = useTempDirs();
let server: FakeOktaServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('runPullJob', () => {
  it('pulls with an API token into a complete snapshot, with progress and the options it was given', async () => {
    const org = generateOrg({ seed: 'run-pull-job', users: 20, groups: 4, apps: 2 });
    server = await startFakeOktaServer({ org, apiToken: TOKEN });
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    let progressEvents = 0;
    const result = await runPullJob(db, {
      orgUrl: server.url,
      credentials: { kind: 'ssws', token: TOKEN },
      share: 0.5,
      includeFactors: true,
      appVersion: 'test',
      onProgress: () => void progressEvents++,
    });
    const snapshot = getSnapshot(db, result.snapshotId)!;
    expect(snapshot.status).toBe('complete');
    expect(snapshot.includeFactors).toBe(true);
    expect(snapshot.orgUrl).toBe(server.url);
    expect(result.counts.users).toBe(20);
    expect(progressEvents).toBeGreaterThan(0);
    db.close();
  });

  it('refuses a private key it cannot use before starting a snapshot', async () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const job = runPullJob(db, {
      orgUrl: 'https://acme.okta.com',
      credentials: { kind: 'oauth', clientId: '0oa1', privateKey: 'not a key', privateKeyFile: 'key.pem' },
      includeFactors: false,
      appVersion: 'test',
    });
    await expect(job).rejects.toBeInstanceOf(PrivateKeyError);
    expect(listSnapshots(db)).toEqual([]);
    db.close();
  });
});
