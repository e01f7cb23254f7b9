// audit.access and audit.findings through the service's dispatcher (ajv-checked params, typed errors) on a pulled
// crafted org: pages that join up to the whole answer, and refusals that say what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { addGroup, assignAppToUser, assignRoleToUser, updateUser } from '../../../electron/core/fake-okta/mutateOrg';
import type { AccessPage, Finding, FindingsPage } from '../../../shared/audit/auditTypes';
import { serviceOverFolder, type ServiceOverFolder } from '../../helpers/serviceOverFolder';
import { dispatchValue } from '../../helpers/dispatchValue';
import { useTempDirs } from '../../helpers/tempDir';
import { pullTidyOrg, startTidyOrg, type TidyOrg } from '../../helpers/tidyOrg';

const tempDir = useTempDirs();
let tidy: TidyOrg;
let opened: ServiceOverFolder;
let dispatch: ReturnType<typeof createDispatcher>;
let snapshotId: number;

beforeAll(async () => {
  tidy = await startTidyOrg('audit-service');
  updateUser(tidy.server, tidy.users[1]!, { status: 'SUSPENDED' });
  assignAppToUser(tidy.server, tidy.appA, tidy.users[0]!);
  assignRoleToUser(tidy.server, tidy.users[0]!, 'SUPER_ADMIN');
  addGroup(tidy.server, { name: 'Nobody' });
  opened = serviceOverFolder(tempDir());
  dispatch = createDispatcher(opened.service, { logger: () => undefined });
  snapshotId = await pullTidyOrg(opened.db, tidy);
});
afterAll(async () => {
  await opened?.service.close();
  opened?.db.close();
  await tidy?.server.close();
});

const value = <T>(method: string, params: unknown) => dispatchValue<T>(dispatch, method, params);

async function failure(method: string, params: unknown) {
  const result = await dispatch(method, params);
  if (result.ok) throw new Error(`${method} was accepted: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

describe('audit.findings', () => {
  it('pages of one finding join up to the whole list, across rules', async () => {
    const whole = await value<FindingsPage>('audit.findings', { snapshotId });
    expect(whole.next).toBeNull();
    expect(whole.findings.map((finding) => finding.ruleId)).toEqual([
      'inactive-user-access',
      'direct-bypasses-group',
      'empty-group',
      'unused-group',
      'super-admins',
    ]);
    const paged: Finding[] = [];
    let after: string | undefined;
    for (let turn = 0; turn < 20; turn++) {
      const page: FindingsPage = await value('audit.findings', { snapshotId, limit: 1, ...(after && { after }) });
      paged.push(...page.findings);
      if (page.next === null) break;
      after = page.next;
    }
    expect(paged).toEqual(whole.findings);
    expect(whole.rules.map((rule) => rule.id)).toHaveLength(10);
  });

  it('takes thresholds and one rule; refuses unknown rules, bad thresholds, cursors and snapshots', async () => {
    const one = await value<FindingsPage>('audit.findings', { snapshotId, ruleId: 'super-admins' });
    expect(one.findings.map((finding) => finding.subject.id)).toEqual([tidy.users[0]]);
    expect(await failure('audit.findings', { snapshotId, ruleId: 'nope' })).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('there is no finding rule "nope"'),
    });
    expect((await failure('audit.findings', { snapshotId, thresholds: { dormantDays: 0 } })).code).toBe(
      'INVALID_PARAMS',
    );
    expect(await failure('audit.findings', { snapshotId, after: '{"rule":"x"}' })).toMatchObject({
      code: 'BAD_INPUT',
      message: 'the page cursor is not one this query returned: start again without it',
    });
    expect(await failure('audit.findings', { snapshotId: 99 })).toMatchObject({ code: 'NOT_FOUND' });
    const damaged = JSON.stringify({ rule: 'direct-bypasses-group', after: 'not-a-key' });
    expect(await failure('audit.findings', { snapshotId, after: damaged })).toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('audit.access', () => {
  it('pages every user and answers one user, an app and a group', async () => {
    const first = await value<AccessPage>('audit.access', { snapshotId, subject: { kind: 'user' }, limit: 2 });
    expect(new Set(first.rows.map((row) => row.userId)).size).toBe(2);
    const second = await value<AccessPage>('audit.access', {
      snapshotId,
      subject: { kind: 'user' },
      limit: 2,
      after: first.next,
    });
    expect([...new Set([...first.rows, ...second.rows].map((row) => row.userId))]).toEqual([...tidy.users].sort());
    const app = await value<AccessPage>('audit.access', { snapshotId, subject: { kind: 'app', id: tidy.appA } });
    expect(app.rows.filter((row) => row.userId === tidy.users[0]).map((row) => row.path)).toEqual(['direct', 'group']);
  });

  it('refuses a subject without an id, an unknown kind and an unknown group', async () => {
    expect((await failure('audit.access', { snapshotId, subject: { kind: 'app' } })).code).toBe('INVALID_PARAMS');
    expect((await failure('audit.access', { snapshotId, subject: { kind: 'role', id: 'x' } })).code).toBe(
      'INVALID_PARAMS',
    );
    expect(await failure('audit.access', { snapshotId, subject: { kind: 'group', id: '00gNone' } })).toMatchObject({
      code: 'NOT_FOUND',
      message: `group 00gNone is not in snapshot ${snapshotId}`,
    });
  });
});
