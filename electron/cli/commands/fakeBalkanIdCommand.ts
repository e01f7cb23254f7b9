// `okta-prep fake-balkanid`: serves a fake BalkanID bulk API on 127.0.0.1 until stopped, for trying `upload` (or the
// app's Upload screen) without a BalkanID tenant. It accepts only the key given here; --misbehave makes it answer as
// BalkanID, its storage or a proxy sometimes do.
import { isMisbehaviour, MISBEHAVIOURS, type Misbehaviour } from '../../core/fake-balkanid/misbehaviour';
import { startFakeBalkanIdServer } from '../../core/fake-balkanid/server';
import type { CliValues } from '../cliArgs';
import { EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { readBalkanIdKey } from '../readBalkanIdKey';
import { untilStopped } from '../untilStopped';

export const FAKE_BALKANID_KEY_ID = 'fake-balkanid-key';

function parseMisbehaviours(value: string | undefined): Misbehaviour[] {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!isMisbehaviour(name))
      throw usageError(`--misbehave: unknown "${name}"; choose from ${Object.keys(MISBEHAVIOURS).join(', ')}`);
  }
  return names as Misbehaviour[];
}

export async function runFakeBalkanIdCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  const key = readBalkanIdKey(values, context.env, FAKE_BALKANID_KEY_ID);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usageError(`--port must be a port number, not "${values.port}"`);
  const misbehave = parseMisbehaviours(values.misbehave);
  const server = await startFakeBalkanIdServer({ apiKeyId: key.id, apiKeySecret: key.secret, port, misbehave });
  if (values.json) context.out.json({ url: server.url, apiKeyId: key.id });
  else
    context.out.result(
      `fake BalkanID at ${server.url} (API key id ${key.id}) — upload with ` +
        `okta-prep upload --base-url ${server.url} --api-key-id ${key.id} …; stop with Ctrl-C`,
    );
  await untilStopped(context.signal);
  await server.close();
  return EXIT.ok;
}
