// okta-prep access and okta-prep findings as a user runs them on a pulled cache: CSV files 0600 with the rows the
// core gives, JSON, one rule, thresholds, and clear refusals (exit 2) that leave no file behind.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignAppToUser, assignRoleToUser, updateUser } from '../../electron/core/fake-okta/mutateOrg';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';
import { openTestDb, pullTidyOrg, startTidyOrg, type TidyOrg } from '../helpers/tidyOrg';

const tempDir = useTempDirs();
let tidy: TidyOrg;
let work: string;
let db: string;

beforeAll(async () => {
  tidy = await startTidyOrg('audit-cli');
  updateUser(tidy.server, tidy.users[1]!, { status: 'SUSPENDED' });
  assignAppToUser(tidy.server, tidy.appA, tidy.users[0]!);
  assignRoleToUser(tidy.server, tidy.users[0]!, 'SUPER_ADMIN');
  work = tempDir();
  const cache = openTestDb(work, 'cache.sqlite');
  await pullTidyOrg(cache, tidy);
  cache.close();
  db = path.join(work, 'cache.sqlite');
});
afterAll(async () => {
  await tidy?.server.close();
});

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('okta-prep access', () => {
  it('writes every path of one user to a 0600 CSV', async () => {
    const out = path.join(work, 'access.csv');
    const run = await runCli(['access', '--db', db, '--user', tidy.users[0]!, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const rows = readCsv(out);
    expect(run.stdout).toContain(`wrote ${rows.length} access path(s) of user ${tidy.users[0]} in snapshot 1`);
    const toAppA = rows.filter((row) => row.access_kind === 'app' && row.object_id === tidy.appA);
    expect(toAppA.map((row) => [row.path, row.via_group_id])).toEqual([
      ['direct', ''],
      ['group', tidy.groupA],
    ]);
    expect(rows.filter((row) => row.access_kind === 'role').map((row) => row.object_id)).toEqual(['SUPER_ADMIN']);
    expect(new Set(rows.map((row) => row.user_id))).toEqual(new Set([tidy.users[0]]));
  });

  it('writes who reaches an app with --app, and every user without a subject', async () => {
    const appOut = path.join(work, 'app.csv');
    expect((await runCli(['access', '--db', db, '--app', tidy.appA, '--out', appOut])).code).toBe(0);
    expect(new Set(readCsv(appOut).map((row) => row.user_id))).toEqual(new Set([tidy.users[0], tidy.users[1]]));
    const allOut = path.join(work, 'all.csv');
    expect((await runCli(['access', '--db', db, '--out', allOut, '--json'])).code).toBe(0);
    expect(new Set(readCsv(allOut).map((row) => row.user_id))).toEqual(new Set(tidy.users));
  });

  it('refuses an unknown user, a folder, two subjects and a missing --out with exit 2 and no file', async () => {
    const out = path.join(work, 'refused.csv');
    const unknown = await runCli(['access', '--db', db, '--user', '00uNobody', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('user 00uNobody is not in snapshot 1');
    expect(fs.readdirSync(work).filter((name) => name.startsWith('refused') || name.includes('.tmp'))).toEqual([]);
    const folder = await runCli(['access', '--db', db, '--out', work]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a folder: give a file name, such as access.csv');
    const both = await runCli(['access', '--db', db, '--user', 'a', '--app', 'b', '--out', out]);
    expect(both.stderr).toContain('access takes one of --user, --app or --group, not user and app');
    expect((await runCli(['access', '--db', db])).stderr).toContain('access needs --out FILE');
    expect((await runCli(['access', '--db', db, '--snapshot', '9', '--out', out])).stderr).toContain(
      'there is no snapshot 9',
    );
  });
});

describe('okta-prep findings', () => {
  it('prints the findings by rule, as JSON with the object ids, and as a 0600 CSV; exit 1 for a high one', async () => {
    const text = await runCli(['findings', '--db', db]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('[high] inactive-user-access (1)');
    expect(text.stdout).toContain(`user ${tidy.users[1]} `);
    expect(text.stdout).toContain('[info] super-admins (1)');

    const out = path.join(work, 'findings.csv');
    const json = await runCli(['findings', '--db', db, '--json', '--out', out]);
    const parsed = JSON.parse(json.stdout) as { findings: { ruleId: string; subject: { id: string } }[] };
    expect(json.code, 'the CSV is written before the failing exit').toBe(1);
    const csv = readCsv(out);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(csv.map((row) => [row.rule_id, row.subject_id])).toEqual(
      parsed.findings.map((finding) => [finding.ruleId, finding.subject.id]),
    );
    const bypass = csv.find((row) => row.rule_id === 'direct-bypasses-group');
    expect(bypass).toMatchObject({ subject_id: tidy.users[0], related_ids: `app:${tidy.appA} group:${tidy.groupA}` });
  });

  it('runs one rule with --rule and reads --dormant-days; refuses bad values with exit 2', async () => {
    const one = await runCli(['findings', '--db', db, '--rule', 'super-admins', '--json']);
    const parsed = JSON.parse(one.stdout) as { rules: { id: string }[]; findings: { ruleId: string }[] };
    expect(parsed.rules.map((rule) => rule.id)).toEqual(['super-admins']);
    expect(parsed.findings.map((finding) => finding.ruleId)).toEqual(['super-admins']);
    expect(one.code, 'only an info finding: success').toBe(0);
    const unknown = await runCli(['findings', '--db', db, '--rule', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no finding rule "nope"; the rules are inactive-user-access,');
    const days = await runCli(['findings', '--db', db, '--dormant-days', 'ninety']);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('--dormant-days must be a whole number of days, not "ninety"');
    const zero = await runCli(['findings', '--db', db, '--dormant-days', '0']);
    expect(zero.stderr).toContain('dormant days must be a whole number from 1 to 36500, not 0');
  });
});
