// audit.report through the service's dispatcher (ajv-checked params, typed errors) on two pulls of a crafted org: the
// report returned whole for the browser to save, or written to the file chosen, with the same figures as
// audit.findings and audit.diff; refusals say what is wrong and write nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addGroup,
  addGroupMember,
  assignAppToGroup,
  assignAppToUser,
  updateUser,
} from '../../../electron/core/fake-okta/mutateOrg';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import type { AuditReportResult } from '../../../shared/audit/auditReport';
import type { AccessPage, FindingsPage } from '../../../shared/audit/auditTypes';
import type { DiffSummary } from '../../../shared/audit/snapshotDiff';
import { countBy, reportFigures } from '../../helpers/reportHtml';
import { serviceOverFolder, type ServiceOverFolder } from '../../helpers/serviceOverFolder';
import { dispatchValue } from '../../helpers/dispatchValue';
import { useTempDirs } from '../../helpers/tempDir';
import { pullTidyOrg, startTidyOrg, type TidyOrg } from '../../helpers/tidyOrg';

const tempDir = useTempDirs();
let tidy: TidyOrg;
let opened: ServiceOverFolder;
let dispatch: ReturnType<typeof createDispatcher>;
const ids = { before: 0, after: 0 };

beforeAll(async () => {
  tidy = await startTidyOrg('audit-report-service');
  opened = serviceOverFolder(tempDir());
  dispatch = createDispatcher(opened.service, { logger: () => undefined });
  ids.before = await pullTidyOrg(opened.db, tidy);
  updateUser(tidy.server, tidy.users[1]!, { status: 'SUSPENDED' });
  assignAppToUser(tidy.server, tidy.appA, tidy.users[0]!);
  addGroup(tidy.server, { name: 'Nobody <here>' });
  ids.after = await pullTidyOrg(opened.db, tidy);
});
afterAll(async () => {
  await opened?.service.close();
  opened?.db.close();
  await tidy?.server.close();
});

const value = <T>(method: string, params: unknown) => dispatchValue<T>(dispatch, method, params);

describe('audit.report', () => {
  it('returns the report for the browser to save, with the figures of audit.findings and audit.diff', async () => {
    const params = { snapshotId: ids.after, compareSnapshotId: ids.before };
    const report = await value<AuditReportResult>('audit.report', params);
    expect(report).toMatchObject({
      snapshotId: ids.after,
      compareSnapshotId: ids.before,
      fileName: `okta-audit-report-snapshot-${ids.after}-vs-${ids.before}.html`,
      bytes: Buffer.byteLength(report.html!),
    });
    expect(report.path).toBeUndefined();
    const figures = reportFigures(report.html!);
    const findings = await value<FindingsPage>('audit.findings', { snapshotId: ids.after, limit: 1000 });
    expect(report.findings).toBe(findings.findings.length);
    expect(figures.get('findings')).toBe(findings.findings.length);
    expect(figures.get('findings.rule.empty-group')).toBe(1);
    const { summary } = await value<{ summary: DiffSummary }>('audit.diff', {
      fromSnapshotId: ids.before,
      toSnapshotId: ids.after,
    });
    for (const count of summary.counts) {
      expect(figures.get(`diff.${count.kind}.added`), count.kind).toBe(count.added);
      expect(figures.get(`diff.${count.kind}.removed`), count.kind).toBe(count.removed);
    }
    expect(figures.get('diff.users.changed')).toBe(1);
  });

  it('writes the report to the file chosen, privately, and returns no HTML', async () => {
    const file = path.join(tempDir(), 'client report.html');
    const report = await value<AuditReportResult>('audit.report', { snapshotId: ids.after, outFile: file });
    expect(report).toMatchObject({ path: file, compareSnapshotId: null, bytes: fs.statSync(file).size });
    expect(report.html).toBeUndefined();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(reportFigures(fs.readFileSync(file, 'utf8')).get('findings')).toBe(report.findings);
  });

  it('refuses what it cannot do with the reason, and writes nothing', async () => {
    const folder = tempDir();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ snapshotId: 99 }, 'NOT_FOUND', 'there is no snapshot 99'],
      [{ snapshotId: ids.after, compareSnapshotId: ids.after }, 'BAD_INPUT', `both snapshots are ${ids.after}`],
      [{ snapshotId: ids.after, outFile: 'report.html' }, 'BAD_INPUT', 'choose a full file path (not "report.html")'],
      [{ snapshotId: ids.after, outFile: folder }, 'BAD_INPUT', `${folder} is a folder`],
      [{ snapshotId: ids.after, outFile: path.join(folder, 'no', 'r.html') }, 'BAD_INPUT', 'nothing was written'],
      [{ snapshotId: ids.after, thresholds: { dormantDays: 0 } }, 'INVALID_PARAMS', 'dormantDays'],
      [{ snapshotId: ids.after, html: '<p>' }, 'INVALID_PARAMS', 'html'],
    ];
    for (const [params, code, message] of cases) {
      const result = await dispatch('audit.report', params);
      expect(result, JSON.stringify(params)).toMatchObject({
        ok: false,
        error: { code, message: expect.stringContaining(message) },
      });
    }
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('counts the access paths audit.access lists, a group scope no read membership explains included', async () => {
    const hidden = '00gHiddenMembers0001';
    const scoped = await startTidyOrg('audit-report-scoped', { deniedObjects: [hidden] });
    try {
      addGroup(scoped.server, { name: 'Members out of reach', id: hidden });
      for (const user of scoped.users.slice(0, 2)) addGroupMember(scoped.server, hidden, user);
      assignAppToGroup(scoped.server, scoped.appB, hidden);
      const snapshotId = await pullTidyOrg(opened.db, scoped);
      const paths = await value<AccessPage>('audit.access', { snapshotId, subject: { kind: 'user' }, limit: 1000 });
      expect(paths.next).toBeNull();
      const listed = countBy(paths.rows, (row) => `access.${row.kind}.${row.path}`);
      expect(listed.get('access.app.group-unresolved')).toBe(2);
      const report = await value<AuditReportResult>('audit.report', { snapshotId });
      const counted = [...reportFigures(report.html!)].filter(([key, count]) => key.startsWith('access.') && count > 0);
      expect(new Map(counted)).toEqual(listed);
    } finally {
      await scoped.server.close();
    }
  });
});
