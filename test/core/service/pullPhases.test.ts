// A pull cancelled mid-way: the phases its job ends with (the progress card) are exactly the phases Past pulls lists
// for its snapshot — one source, the snapshot's stored listings — and they show phases unfinished, not "done".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../../electron/core/fake-okta/generateOrg';
import { startFakeOktaServer, type FakeOktaServer } from '../../../electron/core/fake-okta/server';
import { serviceOverFolder } from '../../helpers/serviceOverFolder';
import { useTempDirs } from '../../helpers/tempDir';
import { waitForJob } from '../../helpers/waitForJob';

const TOKEN = 'phases-token';
const tempDir = useTempDirs();
let okta: FakeOktaServer;
const over = () => serviceOverFolder(tempDir());
let service: ReturnType<typeof over>['service'];
let close: () => Promise<void>;

beforeAll(async () => {
  // Every request takes 150 ms, so the pull is still running when it is cancelled.
  okta = await startFakeOktaServer({
    org: generateOrg({ seed: 'phases', users: 900, groups: 60, apps: 20 }),
    apiToken: TOKEN,
    latencyMs: 150,
  });
  const started = over();
  service = started.service;
  close = async () => {
    await started.service.close();
    started.db.close();
  };
  await service['connection.save']({ orgUrl: okta.url, auth: { kind: 'ssws', token: TOKEN } });
});
afterAll(async () => {
  await close?.();
  await okta?.close();
});

describe('phases of a cancelled pull', () => {
  it('are the same on the job and in the snapshot list, and not all done', async () => {
    const job = await service['pull.start']({ includeFactors: false, share: 1 });
    const deadline = Date.now() + 30_000;
    // Cancel once some rows are stored but the groups' member listings are not all done.
    for (;;) {
      const current = (await service['jobs.list']({})).find((candidate) => candidate.id === job.id)!;
      if (current.progress.phases.some((phase) => phase.rows > 0)) break;
      if (Date.now() > deadline) throw new Error('no rows stored within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await service['jobs.cancel']({ jobId: job.id });
    const ended = await waitForJob(() => service['jobs.list']({}), job.id);
    expect(ended.status).toBe('cancelled');

    const snapshot = (await service['snapshots.list']({})).find((entry) => entry.id === ended.snapshotId)!;
    expect(snapshot.status).toBe('cancelled');
    expect(snapshot.phases).toEqual(ended.progress.phases);
    expect(snapshot.phases!.map((phase) => phase.phase)).not.toContain('factors'); // not asked for
    expect(snapshot.phases!.some((phase) => phase.tasksTotal === 0 || phase.tasksDone < phase.tasksTotal)).toBe(true);
    expect(snapshot.phases!.reduce((sum, phase) => sum + phase.rows, 0)).toBeGreaterThan(0);
  });
});
