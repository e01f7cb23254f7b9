// okta-prep report on real pulls of the fake server: the report's figures and the rows it lists are those of the CSV
// exports of the same snapshots (findings, diff, access: parsed, never hard-coded), hostile names from the org are
// escaped, the comparison appears only with --compare, a portable snapshot gives the same report, and a damaged or
// newer file, or bad options, are refused clearly without leaving a file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FINDINGS_PER_RULE } from '../../electron/core/audit/report/reportFindings';
import { REPORT_DIFF_ROWS } from '../../electron/core/audit/report/reportCompare';
import { generateOrg } from '../../electron/core/fake-okta/generateOrg';
import { addGroup, addGroupMember, addUser, updateUser } from '../../electron/core/fake-okta/mutateOrg';
import { assignAppToUser } from '../../electron/core/fake-okta/mutateAssignments';
import { startFakeOktaServer, type FakeOktaServer } from '../../electron/core/fake-okta/server';
import { SswsTokenAuth } from '../../electron/core/okta/auth';
import { OktaClient } from '../../electron/core/okta/oktaClient';
import { pullOrg } from '../../electron/core/pull/pullOrg';
import { openDatabase } from '../../electron/core/store/openDatabase';
import { countBy, listedRows, readCsvRows, reportFigures, unescapeHtml } from '../helpers/reportHtml';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const TOKEN = 'audit-report-test-token';
const HOSTILE_GROUP = '<script>alert("group")</script> & friends';
const HOSTILE_LOGIN = '"><img src=x onerror=alert(1)>@evil.example';
const tempDir = useTempDirs();

let server: FakeOktaServer;
let work: string;
let cacheFile: string;
const ids = { before: 0, after: 0 };

/** Runs okta-prep and expects it to succeed (notes such as "wrote N finding(s)" go to stderr). */
async function ok(args: string[]): Promise<string> {
  const run = await runCli(args);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

function changeTheOrg(): void {
  addGroup(server, { name: HOSTILE_GROUP });
  const app = server.org.apps.find((candidate) => candidate.status === 'ACTIVE')!;
  const mallory = addUser(server, {
    profile: { login: HOSTILE_LOGIN, email: 'mallory@evil.example', firstName: '<b>Mallory</b>', lastName: 'M' },
    status: 'SUSPENDED',
  });
  assignAppToUser(server, app.id, mallory.id);
  const active = server.org.users.filter((user) => user.status === 'ACTIVE');
  for (const user of active.slice(0, 5)) updateUser(server, user.id, { status: 'SUSPENDED' });
  // More new memberships than the report lists, so its list of them is cut short.
  const group = server.org.groups.find((candidate) => candidate.type === 'OKTA_GROUP')!;
  for (const user of active.slice(5, 5 + REPORT_DIFF_ROWS + 15)) addGroupMember(server, group.id, user.id);
}

beforeAll(async () => {
  server = await startFakeOktaServer({
    org: generateOrg({ seed: 'audit-report', users: 300, groups: 30, apps: 10 }),
    apiToken: TOKEN,
  });
  work = tempDir();
  cacheFile = path.join(work, 'cache.sqlite');
  const db = openDatabase(cacheFile);
  const client = new OktaClient({ orgUrl: server.url, auth: new SswsTokenAuth(TOKEN) });
  ids.before = (await pullOrg({ db, client, includeFactors: true, appVersion: 'test' })).snapshotId;
  changeTheOrg();
  ids.after = (await pullOrg({ db, client, includeFactors: true, appVersion: 'test' })).snapshotId;
  db.close();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('okta-prep report', () => {
  let html: string;
  let figures: Map<string, number>;
  const reportFile = () => path.join(work, 'report.html');

  beforeAll(async () => {
    const args = ['--db', cacheFile, '--snapshot', String(ids.after), '--compare', String(ids.before)];
    const stdout = await ok(['report', ...args, '--out', reportFile()]);
    expect(stdout).toContain(`wrote the audit report of snapshot ${ids.after} compared with snapshot ${ids.before}`);
    html = fs.readFileSync(reportFile(), 'utf8');
    figures = reportFigures(html);
  }, 60_000);

  it('is one private file with nothing to run or fetch', () => {
    expect(fs.statSync(reportFile()).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(work).filter((name) => name.includes('report'))).toEqual(['report.html']);
    expect(html).not.toMatch(/<script|<iframe|<img|<link|<object|<embed|url\(|@import/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href|srcset|action|formaction)=/i);
    expect(html).toContain(`<dd data-fact="org">${server.url}</dd>`);
  });

  it('counts the findings of the findings CSV, per rule and severity, and lists the first of each rule', async () => {
    const csv = path.join(work, 'findings.csv');
    const run = await runCli(['findings', '--db', cacheFile, '--snapshot', String(ids.after), '--out', csv]);
    // findings exits 1 when one is of severity high, after writing every row.
    expect(run.code, run.stderr).toBe((figures.get('findings.severity.high') ?? 0) > 0 ? 1 : 0);
    const rows = readCsvRows(csv);
    const perRule = countBy(rows, (row) => row.rule_id!);
    const reported = new Map([...figures].filter(([key, count]) => key.startsWith('findings.rule.') && count > 0));
    expect(reported).toEqual(new Map([...perRule].map(([rule, count]) => [`findings.rule.${rule}`, count])));
    for (const [severity, count] of countBy(rows, (row) => row.severity!))
      expect(figures.get(`findings.severity.${severity}`), severity).toBe(count);
    expect(figures.get('findings')).toBe(rows.length);
    const listed = listedRows(html, 'data-finding-rule', 'data-subject-id');
    const inCsv = new Set(rows.map((row) => `${row.rule_id} ${row.subject_id}`));
    expect(listed.filter(([rule, subject]) => !inCsv.has(`${rule} ${subject}`))).toEqual([]);
    const listedPerRule = countBy(listed, ([rule]) => rule);
    for (const [rule, count] of perRule)
      expect(listedPerRule.get(rule), rule).toBe(Math.min(count, REPORT_FINDINGS_PER_RULE));
    const cut = [...perRule].filter(([, count]) => count > REPORT_FINDINGS_PER_RULE);
    expect(cut.length).toBeGreaterThan(0);
    for (const [rule] of cut) expect(html).toContain(`okta-prep findings --rule ${rule} --out findings.csv`);
  });

  it('counts and lists the changes of the diff CSV, and only with --compare', async () => {
    const csv = path.join(work, 'diff.csv');
    await ok(['diff', '--db', cacheFile, String(ids.before), String(ids.after), '--out', csv]);
    const rows = readCsvRows(csv);
    const perChange = countBy(rows, (row) => `${row.kind}.${row.change}`);
    const reported = new Map([...figures].filter(([key, count]) => key.startsWith('diff.') && count > 0));
    expect(reported).toEqual(new Map([...perChange].map(([change, count]) => [`diff.${change}`, count])));
    const listed = listedRows(html, 'data-diff', 'data-principal-id');
    const inCsv = new Set(rows.map((row) => `${row.kind}.${row.change} ${row.principal_id}`));
    expect(listed.filter(([change, id]) => !inCsv.has(`${change} ${id}`))).toEqual([]);
    const listedPerChange = countBy(listed, ([change]) => change);
    expect(listedPerChange).toEqual(
      new Map([...perChange].map(([change, count]) => [change, Math.min(count, REPORT_DIFF_ROWS)])),
    );
    expect(perChange.get('memberships.added')).toBeGreaterThan(REPORT_DIFF_ROWS);
    expect(html).toContain(`okta-prep diff ${ids.before} ${ids.after} --out diff.csv`);

    const alone = path.join(work, 'alone.html');
    await ok(['report', '--db', cacheFile, '--snapshot', String(ids.after), '--out', alone]);
    const aloneHtml = fs.readFileSync(alone, 'utf8');
    expect(aloneHtml).not.toContain('id="comparison"');
    expect([...reportFigures(aloneHtml).keys()].filter((key) => key.startsWith('diff.'))).toEqual([]);
    expect(html).toContain('id="comparison"');
  });

  it('counts access paths and admins as the access CSV lists them, and users as the org has them', async () => {
    const csv = path.join(work, 'access.csv');
    await ok(['access', '--db', cacheFile, '--snapshot', String(ids.after), '--out', csv]);
    const rows = readCsvRows(csv);
    const reported = new Map([...figures].filter(([key, count]) => key.startsWith('access.') && count > 0));
    expect(reported).toEqual(
      new Map([...countBy(rows, (row) => `${row.access_kind}.${row.path}`)].map(([key, n]) => [`access.${key}`, n])),
    );
    const roleHolders = new Map<string, Set<string>>();
    for (const row of rows.filter((candidate) => candidate.access_kind === 'role'))
      roleHolders.set(row.object_id!, (roleHolders.get(row.object_id!) ?? new Set()).add(row.user_id!));
    const admins = new Map([...figures].filter(([key]) => key.startsWith('admins.')));
    expect(admins).toEqual(new Map([...roleHolders].map(([role, users]) => [`admins.${role}`, users.size])));
    const statuses = countBy(server.org.users, (user) => user.status);
    const usersReported = new Map([...figures].filter(([key]) => key.startsWith('users.status.')));
    expect(usersReported).toEqual(new Map([...statuses].map(([status, n]) => [`users.status.${status}`, n])));
    expect(figures.get('users')).toBe(server.org.users.length);
    expect(figures.get('groups')).toBe(server.org.groups.length);
  });

  it('escapes hostile names from the org: they read as text and never become markup', () => {
    for (const hostile of [HOSTILE_GROUP, HOSTILE_LOGIN]) {
      expect(html).not.toContain(hostile);
      expect(unescapeHtml(html)).toContain(hostile);
    }
    expect(html).not.toMatch(/<script|<img|<b>/i);
  });

  it('gives the same report from a portable snapshot file, and refuses a damaged or newer one', async () => {
    const portable = path.join(tempDir(), 'after.okta-snapshot');
    await ok(['snapshot', 'export', '--db', cacheFile, '--id', String(ids.after), '--out', portable]);
    const fromFile = path.join(work, 'from-file.html');
    await ok(['report', '--db', portable, '--out', fromFile]);
    const fileFigures = reportFigures(fs.readFileSync(fromFile, 'utf8'));
    expect(fileFigures).toEqual(new Map([...figures].filter(([key]) => !key.startsWith('diff.'))));

    const damaged = path.join(path.dirname(portable), 'damaged.okta-snapshot');
    fs.copyFileSync(portable, damaged);
    fs.truncateSync(damaged, Math.floor(fs.statSync(damaged).size / 2));
    const newer = path.join(path.dirname(portable), 'newer.okta-snapshot');
    fs.copyFileSync(portable, newer);
    const edit = new Database(newer);
    edit.pragma('user_version = 99');
    edit.close();
    for (const [file, message] of [
      [damaged, 'is damaged and cannot be opened'],
      [newer, 'was made by a newer Okta Prep (schema 99'],
    ] as const) {
      const out = path.join(work, 'refused.html');
      const run = await runCli(['report', '--db', file, '--out', out]);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(message);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it('refuses bad options with the reason, leaving no file and an older report as it was', async () => {
    const before = fs.readFileSync(reportFile());
    const db = ['--db', cacheFile];
    const cases: [string[], number, string][] = [
      [[...db], 2, 'report needs --out FILE'],
      [[...db, '--compare', String(ids.after), '--out', reportFile()], 2, `both snapshots are ${ids.after}`],
      [[...db, '--compare', '99', '--out', reportFile()], 2, 'there is no snapshot 99'],
      [[...db, '--snapshot', '99', '--out', reportFile()], 2, 'there is no snapshot 99'],
      [[...db, '--dormant-days', 'soon', '--out', reportFile()], 2, '--dormant-days must be a whole number'],
      [[...db, '--out', work], 2, 'is a folder: give a file name, such as report.html'],
      [[...db, '--out', path.join(work, 'missing', 'r.html')], 4, 'nothing was written: cannot create'],
    ];
    for (const [args, code, message] of cases) {
      const run = await runCli(['report', ...args]);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.code).toBe(code);
    }
    expect(fs.readFileSync(reportFile())).toEqual(before);
    expect(fs.readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says what it wrote as JSON', async () => {
    const out = path.join(work, 'json.html');
    const result = JSON.parse(await ok(['report', '--db', cacheFile, '--out', out, '--json'])) as Record<
      string,
      unknown
    >;
    expect(result).toEqual({
      snapshotId: ids.after,
      compareSnapshotId: null,
      findings: figures.get('findings'),
      file: out,
      bytes: fs.statSync(out).size,
    });
  });
});
