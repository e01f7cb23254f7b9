// `okta-prep fake-balkanid`: serves until stopped with the key it was given, its --misbehave words switch the fake's
// behaviour, and an unknown word is a usage error that lists the known ones.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliOutput } from '../../electron/cli/cliOutput';
import { uploadBundle } from '../../electron/core/balkanid/upload/uploadBundle';
import { errorRejectedBy } from '../helpers/errorThrownBy';
import { ENTITIES, writeHandMadeBundle } from '../helpers/handMadeBundle';
import { writePrivateFile } from '../helpers/privateFile';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const SECRET = 'fake-cli-SECRET-77';

function capture() {
  const lines = { json: [] as unknown[], notes: [] as string[] };
  const out: CliOutput = {
    result: () => undefined,
    json: (value) => void lines.json.push(value),
    note: (text) => void lines.notes.push(text),
    progress: () => undefined,
    endProgress: () => undefined,
  };
  return { lines, out };
}

describe('okta-prep fake-balkanid', () => {
  it('serves with the given key and misbehaves as asked until stopped', async () => {
    const work = tempDir();
    const secretFile = writePrivateFile(path.join(work, 'secret'), SECRET);
    const bundle = writeHandMadeBundle(path.join(work, 'bundle'), { entities: ENTITIES });
    const { lines, out } = capture();
    const controller = new AbortController();
    const args = ['fake-balkanid', '--api-key-secret-file', secretFile, '--misbehave', 'too-large', '--json'];
    const serving = runCli(args, { env: {}, out, signal: controller.signal });
    await expect.poll(() => lines.json.length).toBe(1);
    const { url, apiKeyId } = lines.json[0] as { url: string; apiKeyId: string };
    expect(apiKeyId).toBe('fake-balkanid-key');
    const error = await errorRejectedBy(() =>
      uploadBundle({ dir: bundle, baseUrl: url, apiKey: { id: apiKeyId, secret: SECRET } }),
    );
    expect(error.message).toMatch(/HTTP 413/);
    controller.abort();
    expect(await serving).toBe(0);
  });

  it('refuses an unknown misbehaviour, listing the known ones', async () => {
    const { lines, out } = capture();
    const code = await runCli(['fake-balkanid', '--misbehave', 'teleport'], {
      env: { OKTA_PREP_BALKANID_SECRET: SECRET },
      out,
    });
    expect(code).toBe(2);
    expect(lines.notes.join('\n')).toMatch(/unknown "teleport"; choose from unauthorized, forbidden/);
  });
});
