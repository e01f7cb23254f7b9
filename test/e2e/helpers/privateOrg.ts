// A fake Okta org of a spec's own, served in the spec's process so the spec can change it between pulls, and pulled
// by the running service. The service's saved connection goes back to the shared fake org after each pull.
import { randomBytes } from 'node:crypto';
import { generateOrg, type FakeOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import type { E2eEnvironment } from './e2eEnvironment';
import { callService, pullSavedConnection, saveGoodConnection } from './serviceApi';

export interface PrivateOrg {
  server: FakeOktaServer;
  org: FakeOrg;
  token: string;
}

/** Small enough to pull in a few seconds, big enough that most finding rules fire somewhere. */
export async function startPrivateOrg(seed: string): Promise<PrivateOrg> {
  const org = generateOrg({ seed, users: 80, groups: 10, apps: 6 });
  const token = randomBytes(18).toString('base64url');
  return { server: await startFakeOktaServer({ org, apiToken: token }), org, token };
}

export async function pullPrivateOrg(
  environment: E2eEnvironment,
  privateOrg: PrivateOrg,
  includeFactors: boolean,
): Promise<number> {
  await callService(environment, 'connection.save', {
    orgUrl: privateOrg.server.url,
    auth: { kind: 'ssws', token: privateOrg.token },
  });
  try {
    return await pullSavedConnection(environment, includeFactors);
  } finally {
    await saveGoodConnection(environment);
  }
}

/** An ACTIVE user in no admin role, for a spec to change in a known way. */
export function plainActiveUser(org: FakeOrg, skip = 0): FakeOrg['users'][number] {
  const admins = new Set(org.userRoleAssignments.keys());
  const user = org.users.filter((candidate) => candidate.status === 'ACTIVE' && !admins.has(candidate.id))[skip];
  if (!user) throw new Error('the generated org has too few active users without an admin role');
  return user;
}
