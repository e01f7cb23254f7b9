// The strings BalkanID does not publish come from the export mapping: changing one changes every cell it names,
// relations keep pointing at the renamed role ids, and manifest.json records the mapping used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/export/exportBundle';
import type { FakeOktaServer } from '../../../electron/core/fake-okta/server';
import type { Db } from '../../../electron/core/store/openDatabase';
import { readBundle } from '../../helpers/readBundle';
import { pullFakeOrg } from '../../helpers/pullFakeOrg';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let server: FakeOktaServer;
let db: Db;
let snapshotId: number;

beforeAll(async () => {
  ({ server, db, snapshotId } = await pullFakeOrg(tempDir(), {
    seed: 'export-mapping',
    users: 80,
    groups: 12,
    apps: 6,
  }));
});
afterAll(async () => {
  db?.close();
  await server?.close();
});

async function exportWith(mapping: object) {
  const outDir = tempDir();
  await exportBundle({ db, snapshotId, outDir, appVersion: 'test', options: { mapping } });
  return readBundle(outDir);
}

describe('export mapping', () => {
  it('writes the chosen Source Types, role id prefix, privilegeName, connectionType and key names', async () => {
    const plain = await exportWith({});
    const mapped = await exportWith({
      sourceType: { app: 'application', role: 'adminRole' },
      roleSourceIdPrefix: 'okta-role:',
      privilegeName: { groupMembership: 'memberOf' },
      connectionType: { directAppAssignment: 'user' },
      metadataKeys: { username: 'login', appName: 'oktaAppName' },
    });
    const typesOf = (rows: typeof plain.entities.rows) => [...new Set(rows.map((row) => row['Source Type']))].sort();
    expect(typesOf(plain.entities.rows)).toEqual(['app', 'group', 'role', 'user']);
    expect(typesOf(mapped.entities.rows)).toEqual(['adminRole', 'application', 'group', 'user']);

    const roleIds = mapped.entities.rows.filter((row) => row['Source Type'] === 'adminRole').map((r) => r['Source ID']);
    expect(roleIds.length).toBeGreaterThan(0);
    for (const id of roleIds) expect(id.startsWith('okta-role:')).toBe(true);
    const roleChildren = mapped.relations.rows
      .map((row) => row['Entity Source ID'])
      .filter((id) => id.startsWith('okta-role:'));
    expect(roleChildren.length).toBeGreaterThan(0);
    for (const id of roleChildren) expect(roleIds).toContain(id);

    const metadata = (rows: typeof plain.relations.rows) => rows.map((row) => JSON.parse(row.Metadata) as object);
    expect(metadata(mapped.relations.rows)).toContainEqual(
      expect.objectContaining({ privilegeName: 'memberOf', connectionType: 'group' }),
    );
    expect(metadata(mapped.relations.rows)).toContainEqual(expect.objectContaining({ connectionType: 'user' }));
    expect(metadata(mapped.relations.rows)).not.toContainEqual(expect.objectContaining({ privilegeName: 'member' }));
    const users = metadata(mapped.entities.rows.filter((row) => row['Source Type'] === 'user'));
    expect(users.every((m) => 'login' in m && !('username' in m))).toBe(true);
    expect(metadata(mapped.entities.rows.filter((row) => row['Source Type'] === 'application'))).toContainEqual(
      expect.objectContaining({ oktaAppName: expect.any(String) }),
    );
    expect(mapped.manifest.options.mapping.sourceType.app).toBe('application');
    expect(mapped.manifest.options.mapping.roleSourceIdPrefix).toBe('okta-role:');
    expect(mapped.manifest.validation.errors).toBe(0);
  });
});
