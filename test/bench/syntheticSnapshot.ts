// Builds a large complete snapshot straight into SQLite (no HTTP), for benchmarks of browsing and exporting:
// `users` users, `groups` groups and about `memberships` memberships, plus a few apps and assignments; optionally
// direct and group-scoped app assignments of users and admin roles held by users and groups (every relation kind).
import type { Db } from '../../electron/core/store/openDatabase';
import { buildNameSearch } from '../../electron/core/store/nameSearch';
import { buildRelationRows } from '../../electron/core/store/relationRows';
import { createSnapshot, finishSnapshot } from '../../electron/core/store/snapshots';

const userId = (i: number) => `00u${String(i).padStart(17, '0')}`;
const groupId = (i: number) => `00g${String(i).padStart(17, '0')}`;
const appId = (i: number) => `0oa${String(i).padStart(17, '0')}`;

export function buildSyntheticSnapshot(
  db: Db,
  size: { users: number; groups: number; memberships: number; apps: number; everyKind?: boolean },
): number {
  const snapshotId = createSnapshot(db, {
    orgUrl: 'https://bench.okta.com',
    includeFactors: false,
    appVersion: 'bench',
  });
  // A big page cache while millions of rows go in (random-order index inserts); the connection's own after.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -1048576');
  try {
    db.transaction(() => {
      insertUsersAndMemberships(db, snapshotId, size);
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
      if (size.everyKind) addEveryKind(db, snapshotId, size);
    })();
    buildRelationRows(db, snapshotId);
    buildNameSearch(db, snapshotId);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  finishSnapshot(db, snapshotId, 'complete');
  return snapshotId;
}

/** Numbers 0..@count-1, as SQL (the rows are made inside SQLite: ten million memberships in seconds, not minutes). */
const numbers = (name: string, count: string) =>
  `${name}(i) AS (SELECT 0 WHERE ${count} > 0 UNION ALL SELECT i + 1 FROM ${name} WHERE i + 1 < ${count})`;

/** User i: "User i", user{i}@bench.example.com; member of groups (7i + 131k) mod groups, for k < memberships/users. */
function insertUsersAndMemberships(
  db: Db,
  snapshotId: number,
  size: { users: number; groups: number; memberships: number },
): void {
  const login = `'user' || i || '@bench.example.com'`;
  db.prepare(
    `WITH RECURSIVE ${numbers('u', '@users')}
     INSERT INTO users (snapshot_id, id, status, login, email, name, raw)
     SELECT @snapshotId, printf('00u%017d', i), 'ACTIVE', ${login}, ${login}, 'User ' || i,
       json_object('id', printf('00u%017d', i), 'status', 'ACTIVE', 'created', '2024-01-01T00:00:00.000Z',
         'profile', json_object('login', ${login}, 'email', ${login}, 'firstName', 'User', 'lastName', CAST(i AS TEXT)))
     FROM u`,
  ).run({ snapshotId, users: size.users });
  db.prepare(
    `WITH RECURSIVE ${numbers('g', '@groups')}
     INSERT INTO groups (snapshot_id, id, type, name, raw)
     SELECT @snapshotId, printf('00g%017d', i), 'OKTA_GROUP', 'Group ' || i, '{}' FROM g`,
  ).run({ snapshotId, groups: size.groups });
  db.prepare(
    `WITH RECURSIVE ${numbers('u', '@users')}, ${numbers('k', '@perUser')}
     INSERT OR IGNORE INTO group_members (snapshot_id, group_id, user_id)
     SELECT @snapshotId, printf('00g%017d', (u.i * 7 + k.i * 131) % @groups), printf('00u%017d', u.i) FROM u, k`,
  ).run({
    snapshotId,
    users: size.users,
    groups: size.groups,
    perUser: Math.max(1, Math.round(size.memberships / size.users)),
  });
}

/** Every 7th user assigned an app directly, every 5th through a group; two roles held by users and groups. */
function addEveryKind(db: Db, snapshotId: number, size: { users: number; groups: number; apps: number }): void {
  const appUser = db.prepare(
    `INSERT OR IGNORE INTO app_users (snapshot_id, app_id, user_id, scope, user_name, raw)
     VALUES (?, ?, ?, ?, ?, '{}')`,
  );
  for (let i = 0; i < size.users; i++) {
    if (i % 7 === 0) appUser.run(snapshotId, appId(i % size.apps), userId(i), 'USER', `login${i}`);
    else if (i % 5 === 0) appUser.run(snapshotId, appId((i + 1) % size.apps), userId(i), 'GROUP', null);
  }
  const role = db.prepare(
    `INSERT INTO roles (snapshot_id, role_key, label, role_type, is_custom, raw) VALUES (?, ?, ?, ?, 0, '{}')`,
  );
  role.run(snapshotId, 'SUPER_ADMIN', 'Super Administrator', 'SUPER_ADMIN');
  role.run(snapshotId, 'HELP_DESK_ADMIN', 'Help Desk Administrator', 'HELP_DESK_ADMIN');
  const holds = db.prepare(
    `INSERT INTO role_assignments (snapshot_id, principal_type, principal_id, assignment_id, role_key, raw)
     VALUES (?, ?, ?, ?, ?, '{}')`,
  );
  for (let i = 0; i < size.users; i += 97) holds.run(snapshotId, 'user', userId(i), `ra${i}`, 'SUPER_ADMIN');
  for (let g = 0; g < size.groups; g += 11) holds.run(snapshotId, 'group', groupId(g), `rg${g}`, 'HELP_DESK_ADMIN');
}
