// Builds a large complete snapshot straight into SQLite (no HTTP), for benchmarks of browsing and exporting:
// `users` users, `groups` groups and about `memberships` memberships, plus a few apps and assignments.
import type { Db } from '../../electron/core/store/openDatabase';
import { buildRelationRows } from '../../electron/core/store/relationRows';
import { createSnapshot, finishSnapshot } from '../../electron/core/store/snapshots';

export function buildSyntheticSnapshot(
  db: Db,
  size: { users: number; groups: number; memberships: number; apps: number },
): number {
  const snapshotId = createSnapshot(db, {
    orgUrl: 'https://bench.okta.com',
    includeFactors: false,
    appVersion: 'bench',
  });
  const userId = (i: number) => `00u${String(i).padStart(17, '0')}`;
  const groupId = (i: number) => `00g${String(i).padStart(17, '0')}`;
  const appId = (i: number) => `0oa${String(i).padStart(17, '0')}`;
  db.transaction(() => {
    const user = db.prepare(
      `INSERT INTO users (snapshot_id, id, status, login, email, name, raw) VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?)`,
    );
    for (let i = 0; i < size.users; i++) {
      const login = `user${i}@bench.example.com`;
      user.run(
        snapshotId,
        userId(i),
        login,
        login,
        `User ${i}`,
        JSON.stringify({
          id: userId(i),
          status: 'ACTIVE',
          created: '2024-01-01T00:00:00.000Z',
          profile: { login, email: login, firstName: 'User', lastName: String(i) },
        }),
      );
    }
    const group = db.prepare(
      `INSERT INTO groups (snapshot_id, id, type, name, raw) VALUES (?, ?, 'OKTA_GROUP', ?, '{}')`,
    );
    for (let g = 0; g < size.groups; g++) group.run(snapshotId, groupId(g), `Group ${g}`);
    const member = db.prepare(`INSERT OR IGNORE INTO group_members (snapshot_id, group_id, user_id) VALUES (?, ?, ?)`);
    const perUser = Math.max(1, Math.round(size.memberships / size.users));
    for (let i = 0; i < size.users; i++)
      for (let k = 0; k < perUser; k++) member.run(snapshotId, groupId((i * 7 + k * 131) % size.groups), userId(i));
    const app = db.prepare(
      `INSERT INTO apps (snapshot_id, id, name, label, status, raw) VALUES (?, ?, 'bookmark', ?, 'ACTIVE', '{}')`,
    );
    const appGroup = db.prepare(
      `INSERT INTO app_groups (snapshot_id, app_id, group_id, priority, raw) VALUES (?, ?, ?, 0, '{}')`,
    );
    for (let a = 0; a < size.apps; a++) {
      app.run(snapshotId, appId(a), `App ${a}`);
      appGroup.run(snapshotId, appId(a), groupId(a % size.groups));
    }
  })();
  buildRelationRows(db, snapshotId);
  finishSnapshot(db, snapshotId, 'complete');
  return snapshotId;
}
