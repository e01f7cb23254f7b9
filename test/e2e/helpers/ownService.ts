// A spec's own service and fake Okta orgs, in a folder of their own under .tmp/e2e, so what it saves (connections,
// snapshots) never meets another spec's: started by the real `okta-prep serve` and `okta-prep fake-okta` commands.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { E2E_DIR, REPO_ROOT, type E2eEnvironment } from './e2eEnvironment';
import { startOktaPrep, stopProcess, type StartedProcess } from './oktaPrepProcess';

export interface FakeOrg {
  url: string;
  token: string;
}

export class OwnService {
  private readonly processes: StartedProcess<{ url: string }>[] = [];
  /** What callService and openApp need, once started. */
  environment!: Pick<E2eEnvironment, 'appUrl' | 'origin' | 'secret'>;

  constructor(readonly dir: string) {}

  static async start(name: string): Promise<OwnService> {
    const dir = path.join(E2E_DIR, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const own = new OwnService(dir);
    const serve = await startOktaPrep<{ url: string; origin: string; secret: string }>(
      ['serve', '--db', path.join(dir, 'cache.sqlite'), '--port', '0'].concat([
        '--static',
        path.join(REPO_ROOT, 'dist', 'renderer'),
        '--json',
      ]),
      `${name}-serve`,
    );
    own.processes.push(serve);
    own.environment = { appUrl: serve.info.url, origin: serve.info.origin, secret: serve.info.secret };
    return own;
  }

  /** A generated org on 127.0.0.1 that accepts one token of its own; `misbehave` as `fake-okta --misbehave`. */
  async fakeOrg(seed: string, options: { users?: number; misbehave?: string } = {}): Promise<FakeOrg> {
    const token = randomBytes(18).toString('base64url');
    const tokenFile = path.join(this.dir, `${seed}-token`);
    fs.writeFileSync(tokenFile, token, { mode: 0o600 });
    const size = ['--users', String(options.users ?? 120), '--groups', '12', '--apps', '6', '--seed', seed];
    const misbehave = options.misbehave ? ['--misbehave', options.misbehave] : [];
    const started = await startOktaPrep<{ url: string }>(
      ['fake-okta', '--token-file', tokenFile, ...size, ...misbehave, '--port', '0', '--json'],
      `${path.basename(this.dir)}-${seed}`,
    );
    this.processes.push(started);
    return { url: started.info.url, token };
  }

  async stop(): Promise<void> {
    for (const started of this.processes.splice(0).reverse()) await stopProcess(started.child);
  }
}

/** An address on 127.0.0.1 where nothing listens (a port just given up), as an org that cannot be reached. */
export async function closedLoopbackUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** "acme.okta.com" as the app shows it: the URL without its scheme. */
export function hostOf(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
