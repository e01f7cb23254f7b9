// Unit tests for reading the folder and manifest counts out of an export job's result.
import { describe, expect, it } from 'vitest';
import { readExportOutcome, uploadVerdict } from '../../renderer/src/features/export/exportResult';

describe('readExportOutcome', () => {
  it('reads files, entity and relation counts and validation totals', () => {
    const outcome = readExportOutcome({
      outDir: '/tmp/out',
      manifest: {
        files: {
          entities: { name: 'entities.csv', rows: 5, bytes: 1, sha256: 'x' },
          relations: { name: 'entity-relations.csv', rows: 7 },
        },
        entities: { identity: { user: 3 }, connection: { group: 1, role: 0 }, resource: { app: 1 } },
        relations: { groupMembership: 7 },
        validation: { errors: 0, warnings: 2, byRule: {} },
      },
    });
    expect(outcome.outDir).toBe('/tmp/out');
    expect(outcome.files).toEqual([
      { name: 'entities.csv', rows: 5 },
      { name: 'entity-relations.csv', rows: 7 },
    ]);
    expect(outcome.entityCounts).toContainEqual({ label: 'Users (identity)', count: 3 });
    expect(outcome.relationCounts).toEqual([{ kind: 'groupMembership', count: 7 }]);
    expect(outcome).toMatchObject({ errors: 0, warnings: 2 });
  });

  it('copes with a missing or odd result', () => {
    expect(readExportOutcome(undefined)).toMatchObject({
      outDir: undefined,
      files: [],
      entityCounts: [],
      relationCounts: [],
    });
  });

  it('is not "ready to upload" without saying how many relations were left out, and of which kinds', () => {
    const manifest = {
      validation: { errors: 0, warnings: 1 },
      relationsSkipped: { groupMembership: 0, directAppAssignment: 2, userAdminRole: 1 },
    };
    const outcome = readExportOutcome({ outDir: '/tmp/out', manifest });
    expect(outcome.relationsLeftOut).toEqual({ groupMembership: 0, directAppAssignment: 2, userAdminRole: 1 });
    expect(uploadVerdict(outcome)).toEqual({
      text:
        'Ready to upload; 3 relations were left out because their other end was never listed ' +
        '(directAppAssignment 2, userAdminRole 1).',
      ready: true,
      leftOut: true,
    });
    const clean = readExportOutcome({
      manifest: { validation: { errors: 0, warnings: 0 }, relationsSkipped: { groupMembership: 0 } },
    });
    expect(uploadVerdict(clean)).toEqual({ text: 'Ready to upload.', ready: true, leftOut: false });
  });
});
