// `okta-prep upload` and `okta-prep check-bundle` as a user runs them, against the fake BalkanID: exit codes, the
// output, and the API key secret never in it (nor taken from the command line).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBalkanIdServer, type FakeBalkanIdServer } from '../../electron/core/fake-balkanid/server';
import { ENTITIES, RELATIONS, writeHandMadeBundle } from '../helpers/handMadeBundle';
import { writePrivateFile } from '../helpers/privateFile';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const KEY_ID = 'cli-key-id';
const SECRET = 'cli-balkanid-SECRET-8d1e5a0f';
const tempDir = useTempDirs();
let server: FakeBalkanIdServer;
let work: string;
let bundle: string;
let secretFile: string;

beforeAll(async () => {
  server = await startFakeBalkanIdServer({ apiKeyId: KEY_ID, apiKeySecret: SECRET });
  work = tempDir();
  bundle = writeHandMadeBundle(path.join(work, 'bundle'), { entities: ENTITIES, relations: RELATIONS });
  secretFile = writePrivateFile(path.join(work, 'balkanid-secret'), `${SECRET}\n`);
});
afterAll(async () => {
  await server?.close();
});

function upload(extra: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(['upload', '--dir', bundle, '--api-key-id', KEY_ID, '--base-url', server.url, ...extra], { env });
}

describe('okta-prep upload', () => {
  it('uploads with the secret from a 0600 file, says what it sent, and never prints the secret', async () => {
    const run = await upload(['--api-key-secret-file', secretFile]);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`uploaded the bundle in ${bundle} to ${server.url}`);
    expect(run.stdout).toMatch(/entities\.csv → entities: 3 rows/);
    expect(run.stdout).toMatch(/entity-relations\.csv → entity-relations: 2 rows/);
    expect(
      server
        .stored()
        .slice(-2)
        .map((stored) => stored.body?.toString()),
    ).toEqual([ENTITIES.text, RELATIONS.text]);
  });

  it('takes the secret from OKTA_PREP_BALKANID_SECRET, and answers --json', async () => {
    const run = await upload(['--json'], { OKTA_PREP_BALKANID_SECRET: SECRET });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.uploaded).toBe(true);
    expect(result.files.map((file: { endpoint: string }) => file.endpoint)).toEqual(['entities', 'entity-relations']);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('exits 3 when BalkanID refuses the key, saying so, without the secret it was given', async () => {
    const wrong = writePrivateFile(path.join(work, 'wrong-secret'), 'wrong-SECRET-123456');
    const run = await upload(['--api-key-secret-file', wrong]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/BalkanID refused the API key \(HTTP 401\)/);
    expect(run.stdout + run.stderr).not.toContain('wrong-SECRET-123456');
  });

  it('exits 1 for a bundle that fails its check, listing each finding with its fix, and sends nothing', async () => {
    const changed = writeHandMadeBundle(path.join(work, 'changed'), { entities: ENTITIES, relations: RELATIONS });
    fs.appendFileSync(path.join(changed, RELATIONS.name), 'extra\r\n');
    const before = server.requests().length;
    const run = await runCli([
      'upload',
      '--dir',
      changed,
      '--api-key-id',
      KEY_ID,
      '--api-key-secret-file',
      secretFile,
      '--base-url',
      server.url,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/upload refused: NOT READY/);
    expect(run.stderr).toMatch(/entity-relations\.csv is \d+ bytes; the manifest says \d+/);
    expect(run.stderr).toMatch(/fix: Do not edit or replace the files after export/);
    expect(server.requests()).toHaveLength(before);
  });

  it('refuses a secret in argv, a secret file others can read, and plain http to another host', async () => {
    const onCommandLine = await upload(['--api-key-secret', SECRET]);
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.stderr).toMatch(/--api-key-secret is not accepted/);
    expect(onCommandLine.stderr).not.toContain(SECRET);

    const loose = path.join(work, 'loose-secret');
    fs.writeFileSync(loose, SECRET);
    fs.chmodSync(loose, 0o644);
    const readable = await upload(['--api-key-secret-file', loose]);
    expect(readable.code).toBe(2);
    expect(readable.stderr).toContain(`chmod 600 ${loose}`);

    const plain = await runCli(
      ['upload', '--dir', bundle, '--api-key-id', KEY_ID, '--base-url', 'http://balkan.example.com'],
      {
        env: { OKTA_PREP_BALKANID_SECRET: SECRET },
      },
    );
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/bad --base-url: .*must start with https:\/\//);
  });
});

describe('okta-prep check-bundle', () => {
  it('exits 0 for a bundle that matches its manifest and 1 for one whose export found validation errors', async () => {
    const good = await runCli(['check-bundle', '--dir', bundle]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^ready to upload/);
    const invalid = writeHandMadeBundle(path.join(work, 'invalid'), { entities: ENTITIES }, (manifest) => {
      manifest.validation.errors = 3;
    });
    const bad = await runCli(['check-bundle', '--dir', invalid, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).findings.map((finding: { code: string }) => finding.code)).toEqual([
      'validation-errors',
    ]);
  });
});
