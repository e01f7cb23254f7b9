// `okta-prep export` never publishes what fails: an export whose check finds errors is kept under names no upload
// takes (exit 1, findings printed and recorded), --allow-invalid publishes it on request (and check-bundle still
// refuses it), and --review-copy writes a spreadsheet-safe copy while the upload files keep formula-like cells exactly.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOktaServer } from '../../electron/core/fake-okta/server';
import { readCsv } from '../helpers/readBundle';
import { pullFakeOrg } from '../helpers/pullFakeOrg';
import { runCli } from '../helpers/runCli';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const FORMULA_NAME = '=HYPERLINK("http://evil.example","x")';
const FORMULA_GROUP = '@SUM(1+1)';
let servers: FakeOktaServer[] = [];
/** A cache whose snapshot has a user whose title holds half an emoji (a lone surrogate): an error in Metadata. */
let brokenDb: string;
let brokenUserId: string;
/** A cache whose snapshot is valid but holds formula-like names (warnings only). */
let formulaDb: string;
let formulaUserId: string;

beforeAll(async () => {
  const brokenDir = tempDir();
  const broken = await pullFakeOrg(brokenDir, { seed: 'publish-broken', users: 30, groups: 6, apps: 4 }, (org) => {
    const user = org.users[5]!;
    brokenUserId = user.id;
    user.profile.title = 'Lead \uD83D engineer';
  });
  broken.db.close();
  brokenDb = path.join(brokenDir, 'cache.sqlite');
  const formulaDir = tempDir();
  const formula = await pullFakeOrg(formulaDir, { seed: 'publish-formula', users: 30, groups: 6, apps: 4 }, (org) => {
    const user = org.users[3]!;
    formulaUserId = user.id;
    user.profile.displayName = FORMULA_NAME;
    org.groups.find((candidate) => candidate.type === 'OKTA_GROUP')!.profile.name = FORMULA_GROUP;
  });
  formula.db.close();
  formulaDb = path.join(formulaDir, 'cache.sqlite');
  servers = [broken.server, formula.server];
});
afterAll(async () => {
  for (const server of servers) await server.close();
});

const INVALID_NAMES = ['entities.invalid.csv', 'entity-relations.invalid.csv', 'manifest.invalid.json'];
const UPLOAD_NAMES = ['entities.csv', 'entity-relations.csv', 'manifest.json'];

describe('okta-prep export of a snapshot that fails its check', () => {
  it('keeps the files under the .invalid names, records the findings and exits 1', async () => {
    const out = path.join(tempDir(), 'bundle');
    const run = await runCli(['export', '--db', brokenDb, '--out', out]);
    expect(run.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual([...INVALID_NAMES].sort());
    for (const name of INVALID_NAMES) expect(modeOf(path.join(out, name))).toBe(0o600);
    expect(run.stdout).toContain('NOT ready to upload');
    expect(run.stdout).toContain(path.join(out, 'entities.invalid.csv'));
    expect(run.stdout).toMatch(/ERROR lone-surrogate/);
    expect(run.stdout).toContain('--allow-invalid');

    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.invalid.json'), 'utf8'));
    expect(manifest.files.entities[0].name).toBe('entities.invalid.csv');
    expect(manifest.publishedDespiteErrors).toBe(false);
    expect(manifest.validation.byRule['lone-surrogate']).toBe(1);
    // The finding points at the user's row, found here by reading the file back.
    const rows = readCsv(path.join(out, 'entities.invalid.csv')).rows;
    const line = rows.findIndex((row) => row['Source ID'] === brokenUserId) + 2;
    expect(line).toBeGreaterThan(1);
    expect(manifest.validation.findings[0]).toMatchObject({
      file: 'entities.invalid.csv',
      line,
      column: 'Metadata',
      rule: 'lone-surrogate',
      severity: 'error',
    });
    expect(manifest.validation.findings[0].fix.length).toBeGreaterThan(10);

    const check = await runCli(['check-bundle', '--dir', out]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain('failed its check (manifest.invalid.json');
  });

  it('publishes under the upload names with --allow-invalid and says so; check-bundle refuses it', async () => {
    const out = path.join(tempDir(), 'bundle');
    expect((await runCli(['export', '--db', brokenDb, '--out', out])).code).toBe(1);
    const run = await runCli(['export', '--db', brokenDb, '--out', out, '--allow-invalid']);
    expect(run.code).toBe(1);
    // The files the earlier failing export kept aside are gone: one bundle in the folder.
    expect(fs.readdirSync(out).sort()).toEqual([...UPLOAD_NAMES].sort());
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.publishedDespiteErrors).toBe(true);
    expect(manifest.validation.errors).toBe(1);
    expect(run.stdout).toContain('publishedDespiteErrors');

    const check = await runCli(['check-bundle', '--dir', out]);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain('published under the upload names on request');
  });

  it('keeps an earlier bundle that validated whole when a later export of the same folder fails', async () => {
    const out = path.join(tempDir(), 'bundle');
    expect((await runCli(['export', '--db', formulaDb, '--out', out])).code).toBe(0);
    const before = fs.readFileSync(path.join(out, 'entities.csv'));
    expect((await runCli(['export', '--db', brokenDb, '--out', out])).code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual([...INVALID_NAMES, ...UPLOAD_NAMES].sort());
    expect(fs.readFileSync(path.join(out, 'entities.csv')).equals(before)).toBe(true);
    expect((await runCli(['check-bundle', '--dir', out])).code).toBe(0);
  });
});

describe('okta-prep export --review-copy', () => {
  it('escapes formula-like cells in review/ only; the upload files keep them byte for byte', async () => {
    const out = path.join(tempDir(), 'bundle');
    const run = await runCli(['export', '--db', formulaDb, '--out', out, '--review-copy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('review/entities.csv');
    const upload = readCsv(path.join(out, 'entities.csv'));
    const review = readCsv(path.join(out, 'review', 'entities.csv'));
    const userRow = (rows: typeof upload.rows) => rows.find((row) => row['Source ID'] === formulaUserId)!;
    expect(userRow(upload.rows).Name).toBe(FORMULA_NAME);
    expect(fs.readFileSync(path.join(out, 'entities.csv'), 'utf8')).toContain(
      `"${FORMULA_NAME.replaceAll('"', '""')}"`,
    );
    expect(userRow(review.rows).Name).toBe(`'${FORMULA_NAME}`);
    expect(review.rows.find((row) => row.Name === `'${FORMULA_GROUP}`)).toBeDefined();
    expect(upload.rows.find((row) => row.Name === FORMULA_GROUP)).toBeDefined();
    // Every other cell is the same, and no cell of the copy starts like a formula.
    expect(review.header).toEqual(upload.header);
    expect(review.rows.length).toBe(upload.rows.length);
    const unescape = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    review.rows.forEach((row, index) =>
      expect(Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, unescape(cell)]))).toEqual(
        upload.rows[index],
      ),
    );
    const cells = review.rows.flatMap((row) => Object.values(row));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const relationsReview = readCsv(path.join(out, 'review', 'entity-relations.csv'));
    expect(relationsReview.rows.length).toBe(readCsv(path.join(out, 'entity-relations.csv')).rows.length);
    for (const name of ['entities.csv', 'entity-relations.csv'])
      expect(modeOf(path.join(out, 'review', name))).toBe(0o600);
    expect(modeOf(path.join(out, 'review'))).toBe(0o700);

    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.reviewCopy).toEqual(['review/entities.csv', 'review/entity-relations.csv']);
    expect(manifest.validation.byRule['formula-injection']).toBeGreaterThanOrEqual(2);
    const check = await runCli(['check-bundle', '--dir', out, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).files.map((file: { name: string }) => file.name)).toEqual(UPLOAD_NAMES.slice(0, 2));
  });
});
