// Export temporary names: unique per export, owned by a pid, and only a gone process's files count as abandoned.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAbandonedTempFile, tempPathFor } from '../../../electron/core/balkanid/exportTempNames';

const FINAL_NAMES = ['entities.csv', 'entity-relations.csv', 'manifest.json'];

describe('export temporary names', () => {
  it('gives every export its own name beside the final file, carrying this process id', () => {
    const first = tempPathFor('/out/entities.csv');
    const second = tempPathFor('/out/entities.csv');
    expect(first).not.toBe(second);
    expect(path.dirname(first)).toBe('/out');
    expect(path.basename(first)).toMatch(new RegExp(`^\\.entities\\.csv\\.${process.pid}-[0-9a-f]{12}\\.tmp$`));
  });

  it('counts a temp file as abandoned only when its process is gone or it has no pid (older versions)', () => {
    const alive = (pid: number) => pid === 100;
    expect(isAbandonedTempFile('.entities.csv.100-abcdef012345.tmp', FINAL_NAMES, alive)).toBe(false);
    expect(isAbandonedTempFile('.entities.csv.200-abcdef012345.tmp', FINAL_NAMES, alive)).toBe(true);
    expect(isAbandonedTempFile('.manifest.json.abcdef012345.tmp', FINAL_NAMES, alive)).toBe(true);
  });

  it('never touches files that are not an export temp file of the named files', () => {
    const alive = () => false;
    expect(isAbandonedTempFile('.notes.txt.200-abcdef012345.tmp', FINAL_NAMES, alive)).toBe(false);
    expect(isAbandonedTempFile('entities.csv', FINAL_NAMES, alive)).toBe(false);
    expect(isAbandonedTempFile('.entities.csv.200-abcdef012345.tmp.bak', FINAL_NAMES, alive)).toBe(false);
  });

  it('treats the live current process as alive with the real check', () => {
    expect(isAbandonedTempFile(path.basename(tempPathFor('/out/entities.csv')), FINAL_NAMES)).toBe(false);
  });
});
