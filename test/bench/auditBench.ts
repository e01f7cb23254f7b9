// Benchmark: the offline audit on a 100,000-user snapshot — every finding of every rule (all pages), and the
// effective access of the user with the most paths (in all 2,000 groups, reaching the apps of 200 of them).
// Reference in the same run: the same on a 200-user snapshot built the same way. The audit report of the big snapshot:
// its time against the findings' (it runs them all) and the command's peak RSS against `okta-prep findings --json`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { accessPage } from '../../electron/core/audit/access/accessPages';
import { auditSnapshot } from '../../electron/core/audit/auditSnapshot';
import { allFindings } from '../../electron/core/audit/findings/findingsPages';
import { FINDING_RULES } from '../../electron/core/audit/findings/ruleTable';
import { buildAuditReport } from '../../electron/core/audit/report/auditReport';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';
import { REPO_ROOT } from '../helpers/runCli';
import { buildSyntheticSnapshot } from './syntheticSnapshot';
import { runUnderGnuTime } from './underGnuTime';

function timed<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

type AuditBenchSize = { users: number; groups: number; apps: number };
const HEAVIEST_USER = `00u${'0'.repeat(17)}`;

/** 1 % suspended, about 1 % deprovisioned, a third last signed in years ago; a tenth of the groups imported. */
function addStatusesAndLogins(db: Db, snapshotId: number): void {
  db.prepare(
    `UPDATE users SET
       status = CASE WHEN rowid % 100 = 0 THEN 'SUSPENDED' WHEN rowid % 97 = 0 THEN 'DEPROVISIONED' ELSE status END,
       last_login = CASE WHEN rowid % 3 = 0 THEN '2020-01-01T00:00:00.000Z' ELSE ? END
     WHERE snapshot_id = ?`,
  ).run(new Date().toISOString(), snapshotId);
  db.prepare(`UPDATE groups SET type = 'APP_GROUP' WHERE snapshot_id = ? AND rowid % 10 = 0`).run(snapshotId);
}

/** The first 200 groups each grant an app; the heaviest user is in every group; every 50th user has an app directly. */
function addAppAssignments(db: Db, snapshotId: number, size: AuditBenchSize): void {
  db.prepare(
    `INSERT OR IGNORE INTO group_members (snapshot_id, group_id, user_id)
     SELECT ?, id, ? FROM groups WHERE snapshot_id = ?`,
  ).run(snapshotId, HEAVIEST_USER, snapshotId);
  const appGroup = db.prepare(
    `INSERT OR IGNORE INTO app_groups (snapshot_id, app_id, group_id, priority, raw) VALUES (?, ?, ?, 1, '{}')`,
  );
  for (let g = 0; g < Math.min(200, size.groups); g++)
    appGroup.run(snapshotId, `0oa${String(g % size.apps).padStart(17, '0')}`, `00g${String(g).padStart(17, '0')}`);
  // Okta lists every user who has an app, directly (USER) or through a group (GROUP).
  db.prepare(
    `INSERT OR IGNORE INTO app_users (snapshot_id, app_id, user_id, scope, raw)
     SELECT DISTINCT m.snapshot_id, ag.app_id, m.user_id, 'GROUP', '{}' FROM group_members m
       JOIN app_groups ag ON ag.snapshot_id = m.snapshot_id AND ag.group_id = m.group_id WHERE m.snapshot_id = ?`,
  ).run(snapshotId);
  db.prepare(
    `INSERT OR REPLACE INTO app_users (snapshot_id, app_id, user_id, scope, raw)
     SELECT snapshot_id, '0oa' || printf('%017d', rowid % ?), id, 'USER', '{}' FROM users
      WHERE snapshot_id = ? AND rowid % 50 = 0`,
  ).run(size.apps, snapshotId);
}

/** 20 direct super admins, help desk admins through 10 groups, a push or only SMS for each user. */
function addRolesAndFactors(db: Db, snapshotId: number): void {
  db.prepare(`UPDATE snapshots SET include_factors = 1 WHERE id = ?`).run(snapshotId);
  const role = db.prepare(
    `INSERT INTO roles (snapshot_id, role_key, label, role_type, is_custom) VALUES (?, ?, ?, ?, 0)`,
  );
  role.run(snapshotId, 'SUPER_ADMIN', 'Super Administrator', 'SUPER_ADMIN');
  role.run(snapshotId, 'HELP_DESK_ADMIN', 'Help Desk Administrator', 'HELP_DESK_ADMIN');
  db.prepare(
    `INSERT INTO role_assignments (snapshot_id, principal_type, principal_id, assignment_id, role_key, raw)
     SELECT snapshot_id, 'user', id, 'ra' || rowid, 'SUPER_ADMIN', '{}' FROM users
      WHERE snapshot_id = ? AND rowid % 5000 = 1`,
  ).run(snapshotId);
  db.prepare(
    `INSERT INTO role_assignments (snapshot_id, principal_type, principal_id, assignment_id, role_key, raw)
     SELECT snapshot_id, 'group', id, 'gra' || rowid, 'HELP_DESK_ADMIN', '{}' FROM groups
      WHERE snapshot_id = ? AND rowid % 200 = 1`,
  ).run(snapshotId);
  db.prepare(
    `INSERT INTO factors (snapshot_id, user_id, id, factor_type, provider, status, raw)
     SELECT snapshot_id, id, 'opf' || rowid, CASE WHEN rowid % 2 = 0 THEN 'push' ELSE 'sms' END, 'OKTA', 'ACTIVE',
            '{}' FROM users WHERE snapshot_id = ?`,
  ).run(snapshotId);
}

/** Adds what the audit reads to a synthetic snapshot; returns the id of the user with the most paths. */
export function addAuditRows(db: Db, snapshotId: number, size: AuditBenchSize): string {
  db.transaction(() => {
    addStatusesAndLogins(db, snapshotId);
    addAppAssignments(db, snapshotId, size);
    addRolesAndFactors(db, snapshotId);
  })();
  db.exec('ANALYZE');
  return HEAVIEST_USER;
}

function measure(db: Db, snapshotId: number, heaviest: string) {
  const snapshot = auditSnapshot(db, snapshotId);
  const findings = timed(() => [...allFindings(db, snapshot, {})]);
  const perRule = FINDING_RULES.map((rule) => ({
    id: rule.id,
    ms: timed(() => [...allFindings(db, snapshot, { ruleId: rule.id })]).ms,
  })).sort((a, b) => b.ms - a.ms);
  const user = timed(() => accessPage(db, snapshotId, { subject: { kind: 'user', id: heaviest } }));
  const firstUsers = timed(() => accessPage(db, snapshotId, { subject: { kind: 'user' }, limit: 200 }));
  return { findings, perRule, user, firstUsers };
}

/** The report in this process (time) and as `okta-prep report` under GNU time (wall time, peak RSS, size). */
async function measureReport(db: Db, dir: string, snapshotId: number) {
  const inProcess = timed(() => buildAuditReport(db, { snapshotId, appVersion: 'bench' }));
  const out = path.join(dir, 'report.html');
  const bin = path.join(REPO_ROOT, 'bin', 'okta-prep.mjs');
  const dbFile = path.join(dir, 'bench.sqlite');
  const cli = await runUnderGnuTime(process.execPath, [
    bin,
    'report',
    '--db',
    dbFile,
    '--snapshot',
    `${snapshotId}`,
    '--out',
    out,
  ]);
  // Reference for memory: the findings command, which holds every finding to print them.
  const findingsCli = await runUnderGnuTime(process.execPath, [
    bin,
    'findings',
    '--db',
    dbFile,
    '--snapshot',
    `${snapshotId}`,
    '--json',
  ]);
  return { inProcess, cli, findingsCli, bytes: fs.statSync(out).size };
}

export async function runAuditBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'bench.sqlite'));
    const bigSize = { users: 100_000, groups: 2_000, memberships: 1_000_000, apps: 50 };
    const smallSize = { users: 200, groups: 20, memberships: 2_000, apps: 5 };
    const big = buildSyntheticSnapshot(db, bigSize);
    const bigHeaviest = addAuditRows(db, big, bigSize);
    const small = buildSyntheticSnapshot(db, smallSize);
    const smallHeaviest = addAuditRows(db, small, smallSize);
    const ref = measure(db, small, smallHeaviest);
    const run = measure(db, big, bigHeaviest);
    const report = await measureReport(db, dir, big);
    db.close();
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      'findings, every rule, all pages (ms)': round(run.findings.ms),
      'findings count': run.findings.value.length,
      'slowest rule (ms)': `${run.perRule[0]!.id} ${round(run.perRule[0]!.ms)}`,
      'second slowest rule (ms)': `${run.perRule[1]!.id} ${round(run.perRule[1]!.ms)}`,
      'findings on 200 users (reference, ms)': round(ref.findings.ms),
      'access of the user with most paths (ms)': round(run.user.ms),
      'that user: paths': run.user.value.rows.length,
      'that user on 200 users (reference, ms)': round(ref.user.ms),
      'first page of every user, 200 users (ms)': round(run.firstUsers.ms),
      'report in process (ms)': round(report.inProcess.ms),
      'report ÷ findings (same run)': round(report.inProcess.ms / run.findings.ms),
      'okta-prep report: wall time (s)': report.cli.seconds,
      'okta-prep report: peak RSS (MB)': Math.round(report.cli.rssMb),
      'okta-prep findings --json: peak RSS (MB, reference)': Math.round(report.findingsCli.rssMb),
      'report file (KB)': Math.round(report.bytes / 1024),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
