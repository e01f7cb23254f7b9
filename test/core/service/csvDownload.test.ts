// CSV downloads of the browser build (POST /api/csv) on a crafted org pulled twice: the findings and the comparison
// arrive byte for byte as the CLI writes them with --out, and a bad request is refused with a status and a reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignAppToUser, updateUser } from '../../../electron/core/fake-okta/mutateOrg';
import { createCsvDownloads } from '../../../electron/core/service/csvDownloads';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { startHttpTransport, type HttpTransport } from '../../../electron/core/service/httpTransport';
import { runCli } from '../../helpers/runCli';
import { serviceOverFolder, type ServiceOverFolder } from '../../helpers/serviceOverFolder';
import { useTempDirs } from '../../helpers/tempDir';
import { pullTidyOrg, startTidyOrg, type TidyOrg } from '../../helpers/tidyOrg';
import { rawRequest } from './httpTestHelpers';

const tempDir = useTempDirs();
let tidy: TidyOrg;
let opened: ServiceOverFolder;
let transport: HttpTransport;
const ids = { first: 0, second: 0 };

beforeAll(async () => {
  tidy = await startTidyOrg('csv-download');
  opened = serviceOverFolder(tempDir());
  ids.first = await pullTidyOrg(opened.db, tidy);
  updateUser(tidy.server, tidy.users[1]!, { status: 'SUSPENDED' });
  assignAppToUser(tidy.server, tidy.appA, tidy.users[0]!);
  ids.second = await pullTidyOrg(opened.db, tidy);
  transport = await startHttpTransport({
    dispatch: createDispatcher(opened.service, { logger: () => undefined }),
    events: { subscribe: () => () => undefined },
    csvDownloads: createCsvDownloads(opened.db),
  });
});
afterAll(async () => {
  await transport?.close();
  await opened?.service.close();
  opened?.db.close();
  await tidy?.server.close();
});

function postCsv(body: unknown, secret = transport.secret) {
  return rawRequest(transport.port, {
    method: 'POST',
    path: '/api/csv',
    headers: {
      Host: `127.0.0.1:${transport.port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${secret}`,
    },
    body: JSON.stringify(body),
  });
}

describe('POST /api/csv', () => {
  it('sends the findings as the CLI writes them, high ones included', async () => {
    const response = await postCsv({ method: 'audit.findings', params: { snapshotId: ids.second } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="findings-snapshot-${ids.second}.csv"`);
    const out = path.join(tempDir(), 'findings.csv');
    await runCli(['findings', '--db', opened.dbPath, '--snapshot', String(ids.second), '--out', out]);
    expect(response.text).toBe(fs.readFileSync(out, 'utf8'));
    expect(response.text).toContain(`inactive-user-access,high,user,${tidy.users[1]},`);
  });

  it('sends every row of a comparison as the CLI writes them', async () => {
    const params = { fromSnapshotId: ids.first, toSnapshotId: ids.second };
    const response = await postCsv({ method: 'audit.diff', params });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="diff-${ids.first}-${ids.second}.csv"`);
    const out = path.join(tempDir(), 'diff.csv');
    await runCli(['diff', '--db', opened.dbPath, String(ids.first), String(ids.second), '--out', out]);
    expect(response.text).toBe(fs.readFileSync(out, 'utf8'));
    expect(response.text).toContain(`users,changed,user,${tidy.users[1]},`);
    expect(response.text).toContain(`appAssignments,added,user,${tidy.users[0]},`);
  });

  it('refuses what it cannot send with a status and the reason, and a call without the secret', async () => {
    const missing = await postCsv({ method: 'audit.findings', params: { snapshotId: 99 } });
    expect([missing.status, missing.text]).toEqual([404, 'there is no snapshot 99: "okta-prep snapshots" lists them']);
    const same = await postCsv({ method: 'audit.diff', params: { fromSnapshotId: 1, toSnapshotId: 1 } });
    expect([same.status, same.text]).toEqual([400, 'both snapshots are 1: compare two different snapshots']);
    const badRule = await postCsv({ method: 'audit.findings', params: { snapshotId: ids.first, ruleId: 'nope' } });
    expect(badRule.status).toBe(400);
    expect(badRule.text).toContain('there is no finding rule "nope"');
    const badParams = await postCsv({ method: 'audit.findings', params: { snapshotId: 'one' } });
    expect([badParams.status, badParams.text]).toEqual([400, 'params.snapshotId must be integer']);
    const other = await postCsv({ method: 'browse.page', params: {} });
    expect(other.status).toBe(400);
    expect(other.text).toContain('the downloads are audit.findings and audit.diff');
    const stranger = await postCsv({ method: 'audit.findings', params: { snapshotId: ids.first } }, 'wrong-secret');
    expect(stranger.status).toBe(401);
  });
});
