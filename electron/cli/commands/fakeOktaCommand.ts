// `okta-prep fake-okta`: serves a generated (or the sample) Okta org on 127.0.0.1 until stopped — for trying the
// tool without a tenant, for the browser tests and for benchmarks. The token it accepts is read from a file.
import { generateOrg } from '../../core/fake-okta/generateOrg';
import { generateSampleOrg } from '../../core/fake-okta/sampleOrg';
import { startFakeOktaServer } from '../../core/fake-okta/server';
import type { CliValues } from '../cliArgs';
import { EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { parseMisbehaviour } from '../fakeOktaMisbehaviour';
import { readApiToken } from '../readToken';

function count(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw usageError(`${option} must be a whole number, not "${value}"`);
  return Number(value);
}

export async function runFakeOktaCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  const token = readApiToken(values['token-file'], context.env);
  const customProfileAttributes = values['profile-attribute'] ?? [];
  const sized =
    values.users !== undefined || values.groups !== undefined || values.apps !== undefined || values.seed !== undefined;
  const org =
    sized || customProfileAttributes.length > 0
      ? generateOrg({
          seed: values.seed ?? 'okta-prep',
          users: count(values.users, '--users', 1000),
          groups: count(values.groups, '--groups', 100),
          apps: count(values.apps, '--apps', 30),
          customProfileAttributes,
        })
      : generateSampleOrg();
  const port = count(values.port, '--port', 0);
  const server = await startFakeOktaServer({ ...parseMisbehaviour(values.misbehave), org, apiToken: token, port });
  if (values.json) context.out.json({ url: server.url });
  else
    context.out.result(
      `fake Okta org (${org.users.length} users, ${org.groups.length} groups, ${org.apps.length} apps) at ` +
        `${server.url} — stop with Ctrl-C`,
    );
  await new Promise<void>((resolve) => {
    if (context.signal?.aborted) return resolve();
    context.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return EXIT.ok;
}
