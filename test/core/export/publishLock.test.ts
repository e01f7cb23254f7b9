// The export publish lock: one holder at a time, a killed holder's lock is taken over, a live one times out plainly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISH_LOCK_NAME, withPublishLock } from '../../../electron/core/export/publishLock';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('withPublishLock', () => {
  it('runs publishers one after the other and removes the lock afterwards', async () => {
    const folder = tempDir();
    const order: string[] = [];
    const publisher = (name: string) => async () => {
      order.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push(`${name} end`);
    };
    await Promise.all([withPublishLock(folder, publisher('a')), withPublishLock(folder, publisher('b'))]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('takes over the lock of a process that is gone', async () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, PUBLISH_LOCK_NAME), '4194305'); // above Linux's largest pid
    await expect(withPublishLock(folder, async () => 'published', 1000)).resolves.toBe('published');
  });

  it('gives up on a live holder after the timeout with a message saying what to do', async () => {
    const folder = tempDir();
    const lock = path.join(folder, PUBLISH_LOCK_NAME);
    fs.writeFileSync(lock, String(process.pid));
    await expect(withPublishLock(folder, async () => 'published', 100)).rejects.toThrow(
      `another export is still renaming its files into ${folder}: wait for it and export again (if no export ` +
        `is running, delete ${lock})`,
    );
  });
});
