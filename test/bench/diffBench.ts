// Benchmark: `okta-prep diff` of two 100,000-user snapshots (~1,000,000 memberships each) that differ in 1% of users
// (added, removed, status changed) and 1% of memberships (gained, lost): wall time and peak RSS of the command (under
// GNU time, every row written to CSV), the service's summary and one page in process, and the portable snapshot
// file of one of them (export time, size, time to open it read-only with its integrity check).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffPage, diffSummary } from '../../electron/core/audit/diff/snapshotDiff';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { exportPortableSnapshot } from '../../electron/core/store/portable/exportPortableSnapshot';
import { openPortableSnapshot } from '../../electron/core/store/portable/openPortableSnapshot';
import { buildRelationRows } from '../../electron/core/store/relationRows';
import { createSnapshot, finishSnapshot } from '../../electron/core/store/snapshots';
import { buildSyntheticSnapshot } from './syntheticSnapshot';
import { runUnderGnuTime } from './underGnuTime';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'okta-prep.mjs');
const USERS = 100_000;
const MEMBERSHIPS = 1_000_000;
/** 1% of users: a third added, a third removed, a third with another status. */
const USER_CHANGES = { added: 333, removed: 333, changed: 334 };
/** 1% of memberships: half gained, half lost. */
const MEMBERSHIP_CHANGES = { gained: 5_000, lost: 5_000 };

/** A copy of every row of snapshot `from` as a new complete snapshot, then 1% of users and memberships changed. */
function changedCopy(db: Db, from: number): { id: number; membershipsOfRemovedUsers: number } {
  let membershipsOfRemovedUsers = 0;
  const to = createSnapshot(db, { orgUrl: 'https://bench.okta.com', includeFactors: false, appVersion: 'bench' });
  db.transaction(() => {
    for (const table of ['users', 'groups', 'group_members', 'apps', 'app_groups']) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[])
        .filter((column) => column !== 'snapshot_id')
        .join(', ');
      db.prepare(
        `INSERT INTO ${table} (snapshot_id, ${columns}) SELECT ?, ${columns} FROM ${table} WHERE snapshot_id = ?`,
      ).run(to, from);
    }
    const userIds = db.prepare(`SELECT id FROM users WHERE snapshot_id = ? ORDER BY id`).pluck().all(to) as string[];
    const step = Math.floor(userIds.length / 1000);
    const picked = (offset: number, count: number) => userIds.filter((_, i) => i % step === offset).slice(0, count);
    const removed = picked(0, USER_CHANGES.removed);
    for (const id of removed)
      membershipsOfRemovedUsers += db
        .prepare(`DELETE FROM group_members WHERE snapshot_id = ? AND user_id = ?`)
        .run(to, id).changes;
    for (const id of removed) db.prepare(`DELETE FROM users WHERE snapshot_id = ? AND id = ?`).run(to, id);
    for (const id of picked(1, USER_CHANGES.changed))
      db.prepare(`UPDATE users SET status = 'SUSPENDED' WHERE snapshot_id = ? AND id = ?`).run(to, id);
    const insertUser = db.prepare(
      `INSERT INTO users (snapshot_id, id, status, login, email, name, raw) VALUES (?, ?, 'ACTIVE', ?, ?, ?, '{}')`,
    );
    for (let i = 0; i < USER_CHANGES.added; i++) {
      const login = `new${i}@bench.example.com`;
      insertUser.run(to, `00uNEW${String(i).padStart(14, '0')}`, login, login, `New ${i}`);
    }
    changeMemberships(db, to);
  })();
  buildRelationRows(db, to);
  finishSnapshot(db, to, 'complete');
  return { id: to, membershipsOfRemovedUsers };
}

/** Loses every 150th remaining membership (up to the count) and gains as many new ones for other users. */
function changeMemberships(db: Db, snapshotId: number): void {
  db.prepare(
    `DELETE FROM group_members WHERE snapshot_id = @id AND (group_id, user_id) IN (SELECT group_id, user_id FROM
       (SELECT group_id, user_id, row_number() OVER (ORDER BY group_id, user_id) AS n FROM group_members
        WHERE snapshot_id = @id) WHERE n % 150 = 0 LIMIT @count)`,
  ).run({ id: snapshotId, count: MEMBERSHIP_CHANGES.lost });
  const groups = db.prepare(`SELECT id FROM groups WHERE snapshot_id = ? ORDER BY id`).pluck().all(snapshotId);
  const users = db.prepare(`SELECT id FROM users WHERE snapshot_id = ? ORDER BY id`).pluck().all(snapshotId);
  const add = db.prepare(`INSERT OR IGNORE INTO group_members (snapshot_id, group_id, user_id) VALUES (?, ?, ?)`);
  let gained = 0;
  for (let i = 0; gained < MEMBERSHIP_CHANGES.gained; i++)
    gained += add.run(snapshotId, groups[(i * 37 + 11) % groups.length], users[(i * 7919) % users.length]).changes;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: Math.round(performance.now() - start) };
}

/** `okta-prep diff --out FILE --json` under GNU time: peak RSS (MB), wall time (s) and the CSV's rows. */
async function measuredDiff(dbFile: string, pair: [number, number], csv: string) {
  const args = [BIN, 'diff', '--db', dbFile, ...pair.map(String), '--out', csv, '--json'];
  const run = await runUnderGnuTime(process.execPath, args);
  const rows = (JSON.parse(run.stdout) as { csv: { rows: number } }).csv.rows;
  return { rssMb: Math.round(run.rssMb), seconds: run.seconds, rows };
}

export async function runDiffBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-diff-'));
  try {
    const dbFile = path.join(dir, 'cache.sqlite');
    const db = openDatabase(dbFile);
    const a = buildSyntheticSnapshot(db, { users: USERS, groups: 2_000, memberships: MEMBERSHIPS, apps: 50 });
    const { id: b, membershipsOfRemovedUsers } = changedCopy(db, a);
    const summary = timed(() => diffSummary(db, { from: a, to: b }));
    const page = timed(() => diffPage(db, { from: a, to: b }, { kind: 'memberships', change: 'added', limit: 100 }));
    const portable = timed(() =>
      exportPortableSnapshot(db, { snapshotId: b, outFile: path.join(dir, 'b.okta-snapshot'), appVersion: 'bench' }),
    );
    db.close();
    const opened = timed(() => openPortableSnapshot(portable.value.file));
    opened.value.db.close();
    const cli = await measuredDiff(dbFile, [a, b], path.join(dir, 'diff.csv'));
    const count = (kind: string) => summary.value.counts.find((c) => c.kind === kind)!;
    const expectedRows =
      Object.values(USER_CHANGES).reduce((x, y) => x + y) +
      MEMBERSHIP_CHANGES.gained +
      MEMBERSHIP_CHANGES.lost +
      membershipsOfRemovedUsers;
    const [users, memberships] = [count('users'), count('memberships')];
    const lost = `${memberships.removed} (${membershipsOfRemovedUsers})`;
    return {
      'users added / removed / changed': `${users.added} / ${users.removed} / ${users.changed}`,
      'memberships gained / lost (of which by removed users)': `${memberships.added} / ${lost}`,
      'okta-prep diff --out CSV: wall time (s)': cli.seconds,
      'okta-prep diff --out CSV: peak RSS (MB)': cli.rssMb,
      'CSV rows written (expected)': `${cli.rows} (${expectedRows})`,
      'service summary, all kinds counted (ms)': summary.ms,
      'service first page of 100 rows (ms)': page.ms,
      'snapshot export of 100,000 users (ms)': portable.ms,
      'portable file size (MB)': Math.round(portable.value.bytes / 1024 / 1024),
      'open portable file read-only with quick_check (ms)': opened.ms,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
