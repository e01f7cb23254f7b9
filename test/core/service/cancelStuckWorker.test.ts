// Cancel always ends a job, even one whose worker never gets to read the cancel message's effect: a file check
// opening a FIFO blocks until someone writes to it, and the worker is terminated once its grace period is over.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CANCEL_GRACE_MS, runWorkerTask } from '../../../electron/core/service/jobs/runWorkerTask';
import { makeStuckFifo, type StuckFifo } from '../../helpers/stuckFifo';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let fifo: StuckFifo | undefined;
afterAll(() => fifo?.release());

describe('runWorkerTask', () => {
  it('ends a cancelled job whose worker is stuck in a file-system call, within the grace period', async () => {
    fifo = makeStuckFifo(path.join(tempDir(), 'entities.csv'));
    const handle = runWorkerTask({ kind: 'validateFiles', entitiesPath: fifo.path }, () => undefined);
    const settled = handle.outcome.then((outcome) => ({ outcome, at: Date.now() }));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the worker is waiting on the FIFO by now
    const cancelledAt = Date.now();
    handle.cancel();
    const { outcome, at } = await settled;
    expect(outcome).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'cancelled by the user' } });
    expect(at - cancelledAt).toBeGreaterThanOrEqual(CANCEL_GRACE_MS - 50);
    expect(at - cancelledAt).toBeLessThan(CANCEL_GRACE_MS + 3000);
  });
});
