// "What will be uploaded" agrees with what the export then writes: the same rows per entity type and per chosen
// relation kind, the kinds left out by the options with the rows they hold, and the user attributes written.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/export/exportBundle';
import { summariseExport } from '../../../electron/core/export/exportSummary';
import { pullFakeOrg, type PulledFakeOrg } from '../../helpers/pullFakeOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let pulled: PulledFakeOrg;

beforeAll(async () => {
  pulled = await pullFakeOrg(tempDir(), { seed: 'summary', users: 300, groups: 25, apps: 10 });
});
afterAll(async () => {
  pulled?.db.close();
  await pulled?.server.close();
});

describe('export summary', () => {
  it('counts what the export writes, and what the chosen options leave out', async () => {
    const options = {
      relationKinds: ['groupMembership', 'directAppAssignment', 'userAdminRole'] as const,
      flattenGroupAppAssignments: true,
      userAttributes: ['email', 'department'],
    };
    const summary = summariseExport(pulled.db, pulled.snapshotId, {
      ...options,
      relationKinds: [...options.relationKinds],
    });
    const { manifest } = await exportBundle({
      db: pulled.db,
      snapshotId: pulled.snapshotId,
      outDir: path.join(tempDir(), 'bundle'),
      options: { ...options, relationKinds: [...options.relationKinds] },
      appVersion: 'test',
    });

    expect(summary.entities).toEqual({
      user: manifest.entities!.identity.user,
      group: manifest.entities!.connection.group,
      role: manifest.entities!.connection.role,
      app: manifest.entities!.resource.app,
    });
    const included = summary.relations.filter((relation) => relation.included);
    expect(Object.fromEntries(included.map((relation) => [relation.kind, relation.rows]))).toEqual(manifest.relations);
    expect(included.map((relation) => relation.kind).sort()).toEqual(
      ['directAppAssignment', 'groupAppAccessFlattened', 'groupMembership', 'userAdminRole'].sort(),
    );
    // Left out by the options, yet present in the snapshot: their rows are counted so the screen can say what goes.
    const leftOut = summary.relations.filter((relation) => !relation.included);
    expect(leftOut.map((relation) => relation.kind).sort()).toEqual(['groupAdminRole', 'groupAppAssignment']);
    expect(leftOut.find((relation) => relation.kind === 'groupAppAssignment')!.rows).toBeGreaterThan(0);
    expect(summary.userAttributes).toEqual(['email', 'department']);
  });

  it('counts only users of the chosen statuses and their relations, and what the statuses leave out', async () => {
    const every = summariseExport(pulled.db, pulled.snapshotId, {});
    expect(every.userStatuses.length).toBeGreaterThan(1); // the fake org has users of several statuses
    const [kept, ...others] = every.userStatuses.map((entry) => entry.status);
    const options = { userStatuses: [kept!] };
    const summary = summariseExport(pulled.db, pulled.snapshotId, options);
    const { manifest } = await exportBundle({
      db: pulled.db,
      snapshotId: pulled.snapshotId,
      outDir: path.join(tempDir(), 'by-status'),
      options,
      appVersion: 'test',
    });
    expect(summary.userStatuses.filter((entry) => entry.included).map((entry) => entry.status)).toEqual([kept]);
    expect(summary.userStatuses.filter((entry) => !entry.included).map((entry) => entry.status)).toEqual(others);
    expect(summary.entities.user).toBe(manifest.entities!.identity.user);
    expect(summary.entities.user).toBe(every.userStatuses[0]!.users);
    const rows = (of: typeof summary) => Object.fromEntries(of.relations.map((relation) => [relation.kind, relation]));
    for (const [kind, written] of Object.entries(manifest.relations!)) {
      expect(rows(summary)[kind]!.rows).toBe(written);
      // What the statuses leave out plus what is written is what every status writes; unlisted ends stay the same.
      expect(rows(summary)[kind]!.rows + rows(summary)[kind]!.statusLeftOut).toBe(rows(every)[kind]!.rows);
      expect(rows(summary)[kind]!.endNotListed).toBe(rows(every)[kind]!.endNotListed);
    }
    expect(rows(summary).groupMembership!.statusLeftOut).toBeGreaterThan(0);
    expect(every.relations.every((relation) => relation.statusLeftOut === 0)).toBe(true);
  });

  it('counts the rows of entitlements.csv per relation kind as the manifest does, for the kinds chosen', async () => {
    const options = {
      format: 'entitlements' as const,
      relationKinds: ['groupMembership' as const, 'groupAppAssignment' as const, 'userAdminRole' as const],
      userStatuses: ['ACTIVE'],
    };
    const summary = summariseExport(pulled.db, pulled.snapshotId, options);
    const { manifest } = await exportBundle({
      db: pulled.db,
      snapshotId: pulled.snapshotId,
      outDir: path.join(tempDir(), 'entitlements'),
      options,
      appVersion: 'test',
    });
    expect(summary.format).toBe('entitlements');
    expect(Object.fromEntries(summary.entitlements.map((entry) => [entry.kind, entry.rows]))).toEqual(
      manifest.entitlements,
    );
    expect(summary.entitlements.map((entry) => entry.kind).sort()).toEqual(
      ['groupAppAssignment', 'groupMembership', 'userAdminRole'].sort(),
    );
    expect(summary.entitlements.every((entry) => entry.rows > 0)).toBe(true);
    expect(summariseExport(pulled.db, pulled.snapshotId, {}).entitlements).toEqual([]);
  });

  it('refuses options the export would refuse, with the same reason', () => {
    expect(() => summariseExport(pulled.db, pulled.snapshotId, { relationKinds: ['nonsense' as never] })).toThrow(
      /unknown relation kind "nonsense"/,
    );
  });
});
