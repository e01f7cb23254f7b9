// The real service over the real HTTP transport, with a real SQLite file and the fake Okta server: connect, test,
// pull as a job with progress events, browse, detail, export, validate — and typed errors, never stack traces.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../../shared/service/contract';
import { createServiceClient, ServiceCallError } from '../../../shared/service/client';
import { createHttpClientTransport } from '../../../renderer/src/service/httpClientTransport';
import type { JobState } from '../../../shared/service/types';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { PULL_PHASES } from '../../../electron/core/pull/pullProgress';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { startHttpTransport, type HttpTransport } from '../../../electron/core/service/httpTransport';
import { createOktaPrepService } from '../../../electron/core/service/oktaPrepService';
import { UploadStore } from '../../../electron/core/service/uploadStore';
import type { Db } from '../../../electron/core/store/openDatabase';
import { useTempDirs } from '../../helpers/tempDir';
import { waitForJob } from '../../helpers/waitForJob';
import { serviceOverFolder } from '../../helpers/serviceOverFolder';

const TOKEN = 'service-test-token-S3CRET';
const tempDir = useTempDirs();
let okta: FakeOktaServer;
let transport: HttpTransport;
let db: Db;
let service: ReturnType<typeof createOktaPrepService>;
let client: ReturnType<typeof createServiceClient>;
let httpTransport: ReturnType<typeof createHttpClientTransport>;
const events: ServiceEvent[] = [];
let logLines: string[] = [];

async function call(
  method: string,
  params: unknown,
): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  const response = await fetch(`${transport.origin}/api/call`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${transport.secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, params }),
  });
  return response.json() as never;
}

function waitForServiceJob(jobId: string): Promise<JobState> {
  return waitForJob(() => client.call('jobs.list', {}), jobId);
}

beforeAll(async () => {
  okta = await startFakeOktaServer({
    org: generateOrg({ seed: 'service', users: 400, groups: 30, apps: 12 }),
    apiToken: TOKEN,
  });
  const dir = tempDir();
  const uploads = new UploadStore();
  const over = serviceOverFolder(dir, { transport: 'http', uploads, defaultExportFolder: path.join(dir, 'exports') });
  ({ service, db } = over);
  const hub = over.events;
  hub.subscribe((event) => events.push(event));
  transport = await startHttpTransport({
    dispatch: createDispatcher(service, { logger: (line) => logLines.push(line) }),
    events: hub,
    uploads,
  });
  httpTransport = createHttpClientTransport({ baseUrl: transport.origin, secret: transport.secret });
  client = createServiceClient(httpTransport);
});
afterAll(async () => {
  await transport?.close();
  await service?.close();
  db?.close();
  await okta?.close();
});

describe('Okta Prep service', () => {
  it('answers an unknown method, bad params and an internal error as typed errors, no stacks', async () => {
    const unknown = await call('snapshots.drop', {});
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('snapshots.drop') },
    });
    const invalid = await call('browse.page', { snapshotId: 1, table: 'users', offset: -1, limit: 5000 });
    expect(invalid.ok).toBe(false);
    expect(invalid.error!.code).toBe('INVALID_PARAMS');
    expect(invalid.error!.message).toMatch(/offset|limit/);
    // A real internal failure: a table the query needs is gone.
    const { service: brokenService, db: brokenDb } = serviceOverFolder(tempDir(), { transport: 'http' });
    brokenDb.exec(
      `INSERT INTO snapshots (org_url, status, started_at, app_version) VALUES ('x', 'complete', 'now', 't'); ` +
        `DROP TABLE relation_rows;`,
    );
    logLines = [];
    const result = await createDispatcher(brokenService, { logger: (line) => logLines.push(line) })('browse.page', {
      snapshotId: 1,
      table: 'relations',
      offset: 0,
      limit: 10,
    });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).not.toMatch(/relation_rows|\bat\s|\.ts:/);
    expect(logLines.join('\n')).toMatch(/relation_rows/); // the details went to the log instead
    brokenDb.close();
  });

  it('reports a bad token clearly on test connection, and keeps the token out of every answer', async () => {
    const error = await client
      .call('connection.test', { orgUrl: okta.url, auth: { kind: 'ssws', token: 'wrong-token-XYZ' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceCallError);
    expect((error as ServiceCallError).code).toBe('OKTA_AUTH');
    expect((error as ServiceCallError).message).toMatch(/token rejected/);
    expect((error as ServiceCallError).message).not.toContain('wrong-token-XYZ');
  });

  it('connects with a good token: the preflight reads every kind, and the token never comes back', async () => {
    const info = await client.call('connection.save', {
      orgUrl: `${okta.url}/admin/dashboard`,
      auth: { kind: 'ssws', token: TOKEN },
    });
    expect(info).toEqual({
      orgUrl: okta.url,
      authKind: 'ssws',
      hasSecret: true,
      isSampleOrg: false,
      secretPersistence: { persisted: false, reason: expect.stringContaining('in memory only') },
    });
    expect(JSON.stringify(await client.call('connection.get', {}))).not.toContain(TOKEN);
    const report = await client.call('connection.test', {});
    expect(report.ok).toBe(true);
    // One check per phase the pull runs, in the pull's order.
    expect(report.checks.map((c) => c.objectKind)).toEqual([...PULL_PHASES]);
    expect(report.estimate!.requests).toBeGreaterThan(30);
    // Factors add one listing per user that Everyone counts (deprovisioned users are not in Everyone).
    const listedUsers = okta.org.users.filter((user) => user.status !== 'DEPROVISIONED').length;
    expect(report.estimate!.withFactors.requests).toBe(report.estimate!.requests + listedUsers);
    // Reading every group adds the member and role listings stats would skip (groups without members or roles).
    const skipped =
      okta.org.groups.filter((g) => (okta.org.groupMembers.get(g.id)?.length ?? 0) === 0).length +
      okta.org.groups.filter((g) => !okta.org.groupRoleAssignments.has(g.id)).length;
    expect(report.estimate!.readingEveryGroup.requests).toBe(report.estimate!.requests + skipped);
  });

  it('pulls as a job with progress events, then lists the complete snapshot with counts', async () => {
    events.length = 0;
    const job = await client.call('pull.start', { includeFactors: true });
    expect(job.status).toBe('running');
    const finished = await waitForServiceJob(job.id);
    expect(finished.status).toBe('complete');
    const updates = events.filter((e) => e.name === 'job.updated' && e.payload.id === job.id).map((e) => e.payload);
    expect(updates.at(-1)!.status).toBe('complete');
    expect(updates.some((u) => u.progress.requests > 0)).toBe(true);
    const snapshots = await client.call('snapshots.list', {});
    expect(snapshots[0]).toMatchObject({
      id: finished.snapshotId,
      status: 'complete',
      appVersion: 'test',
      counts: expect.objectContaining({ users: 400 }),
    });
  });

  it('browses pages, searches, filters and sorts, and pages relations by row number', async () => {
    const snapshotId = (await client.call('snapshots.list', {}))[0]!.id;
    const first = await client.call('browse.page', { snapshotId, table: 'users', offset: 0, limit: 50 });
    expect(first.total).toBe(400);
    expect(first.rows).toHaveLength(50);
    const someone = okta.org.users.find((u) => u.status === 'ACTIVE' && /^[a-z]/i.test(u.profile.login))!;
    const found = await client.call('browse.page', {
      snapshotId,
      table: 'users',
      offset: 0,
      limit: 50,
      search: someone.profile.login,
    });
    expect(found.rows.map((r) => r.id)).toContain(someone.id);
    const suspended = await client.call('browse.page', {
      snapshotId,
      table: 'users',
      offset: 0,
      limit: 500,
      filter: 'SUSPENDED',
    });
    expect(suspended.total).toBe(okta.org.users.filter((u) => u.status === 'SUSPENDED').length);
    const sorted = await client.call('browse.page', {
      snapshotId,
      table: 'apps',
      offset: 0,
      limit: 100,
      sort: { column: 'label', direction: 'desc' },
    });
    const labels = sorted.rows.map((r) => String(r.label));
    expect(labels).toEqual([...labels].sort().reverse());
    const relations = await client.call('browse.page', { snapshotId, table: 'relations', offset: 0, limit: 1 });
    const last = await client.call('browse.page', {
      snapshotId,
      table: 'relations',
      offset: relations.total - 1,
      limit: 5,
    });
    expect(last.rows).toHaveLength(1);
    expect(last.rows[0]!.seq).toBe(relations.total - 1);
    expect(last.rows[0]!.parentName).toBeTruthy();
  });

  it('refuses a sort column that is not one (constructor too), naming the known columns', async () => {
    const snapshotId = (await client.call('snapshots.list', {}))[0]!.id;
    for (const column of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'no_such_column']) {
      const answer = await call('browse.page', {
        snapshotId,
        table: 'users',
        offset: 0,
        limit: 5,
        sort: { column, direction: 'asc' },
      });
      expect(answer.error).toEqual({
        code: 'BAD_INPUT',
        message:
          `unknown column "${column}" for users: sort by one of id, name, login, email, status, created, ` +
          `lastLogin`,
      });
    }
    const relations = await call('browse.page', {
      snapshotId,
      table: 'relations',
      offset: 0,
      limit: 5,
      sort: { column: 'constructor', direction: 'desc' },
    });
    expect(relations.error).toEqual({
      code: 'BAD_INPUT',
      message:
        'unknown column "constructor" for relations: sort by one of seq, kind, parentType, parentId, parentName, ' +
        'childType, childId, childName, detail',
    });
    expect(logLines.join('\n')).not.toMatch(/constructor/);
  });

  it("explains a user's access: direct apps and apps through groups, with the group named", async () => {
    const snapshotId = (await client.call('snapshots.list', {}))[0]!.id;
    const [appId, groups] = [...okta.org.appGroupAssignments].find(([, list]) => list.length > 0)!;
    const groupId = groups[0]!.groupId;
    const userId = okta.org.groupMembers.get(groupId)![0]!;
    const detail = await client.call('browse.userAccess', { snapshotId, userId });
    expect(detail.groups.map((g) => g.id)).toContain(groupId);
    expect(detail.apps).toContainEqual(
      expect.objectContaining({ appId, via: { kind: 'group', groupId, groupName: expect.any(String) } }),
    );
    const direct = okta.org.directAppAssignments.get([...okta.org.directAppAssignments.keys()][0]!)![0]!;
    const directDetail = await client.call('browse.userAccess', { snapshotId, userId: direct.userId });
    expect(directDetail.apps.some((a) => a.via.kind === 'direct')).toBe(true);
    const group = await client.call('browse.group', { snapshotId, groupId });
    expect(group.apps.map((a) => a.id)).toContain(appId);
    const app = await client.call('browse.app', { snapshotId, appId });
    expect(app.groups.map((g) => g.id)).toContain(groupId);
    await expect(client.call('browse.userAccess', { snapshotId, userId: '00unknown' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('previews and exports the bundle as a job, and validates the snapshot and uploaded files', async () => {
    const snapshotId = (await client.call('snapshots.list', {}))[0]!.id;
    const preview = await client.call('export.preview', { snapshotId, rows: 3 });
    expect(preview.files.map((file) => file.name)).toEqual(['entities.csv', 'entity-relations.csv']);
    expect(preview.files[0]!.rows).toHaveLength(3);
    expect(
      preview.files[0]!.text.startsWith(
        'App,Name,Entity Type,Source System,Source ID,Source Type,Metadata Version,Metadata\r\n',
      ),
    ).toBe(true);
    const outDir = path.join((await client.call('export.defaultFolder', {})).path, 'bundle');
    const job = await client.call('export.start', { snapshotId, outDir });
    const done = await waitForServiceJob(job.id);
    expect(done.status).toBe('complete');
    expect(fs.readdirSync(outDir).sort()).toEqual(['entities.csv', 'entity-relations.csv', 'manifest.json']);
    // Opening the folder: only a folder this session exported to; the browser build says it cannot open folders.
    expect(await client.call('export.openFolder', { path: outDir })).toEqual({
      opened: false,
      message: expect.stringContaining(outDir),
    });
    await expect(client.call('export.openFolder', { path: '/etc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const report = await client.call('validate.snapshot', { snapshotId });
    expect(report.errorCount).toBe(0);
    const broken =
      'App,Name,Entity Type,Source System,Source ID,Source Type,Metadata Version,Metadata\r\nokta,Ada,person,' +
      'okta,00u1,user,,\r\n';
    const receipt = await httpTransport.upload(new Blob([broken]));
    if (!receipt.ok) throw new Error(receipt.error.message);
    const uploaded = await client.call('validate.upload', {
      entities: { name: 'mine.csv', uploadId: receipt.value.uploadId },
    });
    expect(uploaded.files.entities!.path).toBe('mine.csv');
    expect(uploaded.findings).toContainEqual(
      expect.objectContaining({ rule: 'entity-type', line: 2, column: 'Entity Type' }),
    );
    await expect(client.call('export.start', { snapshotId, outDir: 'relative/dir' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('pull.start with readEveryGroup lists every group; the snapshot keeps it for a resume', async () => {
    const job = await client.call('pull.start', { includeFactors: false, readEveryGroup: true });
    const finished = await waitForServiceJob(job.id);
    expect(finished.status).toBe('complete');
    const roleListings = db
      .prepare(`SELECT count(*) FROM pull_tasks WHERE snapshot_id = ? AND task_key LIKE 'group-roles:%'`)
      .pluck()
      .get(finished.snapshotId);
    expect(roleListings).toBe(okta.org.groups.length);
    expect(db.prepare(`SELECT read_every_group FROM snapshots WHERE id = ?`).pluck().get(finished.snapshotId)).toBe(1);
  });

  it('never stored the token in the database', () => {
    const files = fs
      .readdirSync(path.dirname(db.name))
      .map((name) => path.join(path.dirname(db.name), name))
      .filter((file) => fs.statSync(file).isFile());
    for (const file of files) expect(fs.readFileSync(file).toString('latin1')).not.toContain(TOKEN);
  });
});
