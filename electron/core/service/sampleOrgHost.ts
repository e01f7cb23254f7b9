// Runs the built-in sample org on 127.0.0.1 for "Try with the sample org": started on first use, with a throw-away
// token that only this service knows, and restarted (new port) after the app restarts.
import { randomBytes } from 'node:crypto';
import { generateSampleOrg } from '../fake-okta/sampleOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../fake-okta/server';

export class SampleOrgHost {
  private server: Promise<{ server: FakeOktaServer; token: string }> | undefined;

  /** The running sample org's URL and token, starting it if needed. */
  async ensure(): Promise<{ url: string; token: string }> {
    this.server ??= (async () => {
      const token = randomBytes(24).toString('base64url');
      return { server: await startFakeOktaServer({ org: generateSampleOrg(), apiToken: token }), token };
    })();
    const { server, token } = await this.server;
    return { url: server.url, token };
  }

  async close(): Promise<void> {
    const running = this.server;
    this.server = undefined;
    if (running) await (await running).server.close();
  }
}
