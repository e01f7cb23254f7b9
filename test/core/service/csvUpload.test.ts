// Validating files in the browser build: POST /api/upload streams each file to a private temp file (refused with 413
// and a clear message past the configured limit), validate.upload checks it by upload id in a worker thread with the
// same findings as the file on disk, and every temp file is gone afterwards. Real service, real HTTP, real files.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCsvFiles } from '../../../electron/core/balkanid/validator/index';
import { createDispatcher } from '../../../electron/core/service/dispatcher';
import { startHttpTransport, type HttpTransport } from '../../../electron/core/service/httpTransport';
import { createOktaPrepService } from '../../../electron/core/service/oktaPrepService';
import { UploadStore } from '../../../electron/core/service/uploadStore';
import type { Db } from '../../../electron/core/store/openDatabase';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../shared/balkanid/columns';
import { createServiceClient, unwrapServiceResult } from '../../../shared/service/client';
import { createHttpClientTransport } from '../../../renderer/src/service/httpClientTransport';
import { useTempDirs } from '../../helpers/tempDir';
import { serviceOverFolder } from '../../helpers/serviceOverFolder';
import { waitForJob } from '../../helpers/waitForJob';

const LIMIT = 256 * 1024;
const TOO_LARGE =
  `the file is larger than this service's upload limit of 256 KiB: check it with "okta-prep validate FILE" ` +
  `instead, or start "okta-prep serve --max-upload-bytes N" with a higher limit`;
const tempDir = useTempDirs();
let db: Db;
let uploads: UploadStore;
let server: HttpTransport;
let service: ReturnType<typeof createOktaPrepService>;
let httpClient: ReturnType<typeof createHttpClientTransport>;
let client: ReturnType<typeof createServiceClient>;

/** ~150 KiB of entities with findings spread through it (bad types, a duplicate id, LF line ends, an empty name). */
function entitiesCsv(): string {
  const lines = [ENTITY_COLUMNS.join(',')];
  for (let i = 1; i <= 2000; i++) {
    const type = i % 97 === 0 ? 'person' : 'identity';
    const name = i % 211 === 0 ? '' : `User ${i}`;
    lines.push(
      `okta,${name},${type},okta,00u${i % 1500 === 0 ? 1 : i},user,v1,"{""username"":""user${i}@example.com""}"`,
    );
  }
  return `${lines.map((line, i) => (i % 500 === 7 ? `${line}\n` : `${line}\r\n`)).join('')}`;
}

/** Relations, some pointing at users that do not exist. */
function relationsCsv(): string {
  const lines = [RELATION_COLUMNS.join(',')];
  for (let i = 1; i <= 1500; i++)
    lines.push(`okta,00u${i},identity,00u${i % 300 === 0 ? 99999 : i + 1},identity,okta,v1,`);
  return lines.map((line) => `${line}\r\n`).join('');
}

let folderOfUploads: string;
const uploadFolderEntries = (): string[] => fs.readdirSync(folderOfUploads);

/** A body sent in chunks without Content-Length, so only counting can catch it. */
function postChunked(body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.origin}/api/upload`,
      { method: 'POST', headers: { Authorization: `Bearer ${server.secret}`, 'Transfer-Encoding': 'chunked' } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    for (let offset = 0; offset < body.length; offset += 16 * 1024)
      request.write(body.subarray(offset, offset + 16 * 1024));
    request.end();
  });
}

beforeAll(async () => {
  uploads = new UploadStore(LIMIT);
  folderOfUploads = await uploads.ensureFolder();
  const over = serviceOverFolder(tempDir(), { transport: 'http', uploads });
  ({ service, db } = over);
  const { events } = over;
  server = await startHttpTransport({ dispatch: createDispatcher(service), events, uploads });
  httpClient = createHttpClientTransport({ baseUrl: server.origin, secret: server.secret });
  client = createServiceClient(httpClient);
});
afterAll(async () => {
  await server?.close();
  await service?.close();
  db?.close();
});

describe('CSV upload for validation', () => {
  it('refuses a file over the limit (declared or counted) with 413 and why, leaving no temp file', async () => {
    const big = Buffer.alloc(LIMIT + 1, 'a');
    const declared = await httpClient.upload(new Blob([big]));
    expect(declared).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: TOO_LARGE } });
    expect(await postChunked(big)).toEqual({ status: 413, text: TOO_LARGE });
    expect(uploadFolderEntries()).toEqual([]);
  });

  it('keeps an upload in a private file until it is checked', async () => {
    const receipt = unwrapServiceResult(await httpClient.upload(new Blob([entitiesCsv()])), 'upload') as {
      uploadId: string;
      bytes: number;
    };
    expect(receipt.bytes).toBe(Buffer.byteLength(entitiesCsv()));
    expect(fs.statSync(folderOfUploads).mode & 0o777).toBe(0o700);
    const [file] = uploadFolderEntries();
    expect(fs.statSync(path.join(folderOfUploads, file!)).mode & 0o777).toBe(0o600);
    await client.call('validate.upload', { entities: { name: 'entities.csv', uploadId: receipt.uploadId } });
    expect(uploadFolderEntries()).toEqual([]);
  });

  it('finds what checking the files on disk finds, names them as chosen, deletes the uploads', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'entities.csv'), entitiesCsv());
    fs.writeFileSync(path.join(dir, 'entity-relations.csv'), relationsCsv());
    const onDisk = await validateCsvFiles({
      entitiesPath: path.join(dir, 'entities.csv'),
      relationsPath: path.join(dir, 'entity-relations.csv'),
    });
    const upload = async (file: string) =>
      (
        unwrapServiceResult(await httpClient.upload(new Blob([fs.readFileSync(path.join(dir, file))])), 'upload') as {
          uploadId: string;
        }
      ).uploadId;
    const entities = { name: 'my entities.csv', uploadId: await upload('entities.csv') };
    const relations = { name: 'my relations.csv', uploadId: await upload('entity-relations.csv') };
    const report = await client.call('validate.upload', { entities, relations });

    expect(onDisk.findings.length).toBeGreaterThan(5);
    expect(report.findings).toEqual(onDisk.findings);
    expect({ ...report, files: undefined }).toEqual({ ...onDisk, files: undefined });
    expect(report.files).toEqual({
      entities: { ...onDisk.files.entities, path: 'my entities.csv' },
      relations: { ...onDisk.files.relations, path: 'my relations.csv' },
    });
    expect(uploadFolderEntries()).toEqual([]);
    await expect(client.call('validate.upload', { entities })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'the upload of my entities.csv is unknown or was already checked: open the file again',
    });
  });

  it('refuses file paths from the browser build, and uploads without the secret', async () => {
    await expect(
      client.call('validate.upload', { entities: { name: 'passwd', path: '/etc/passwd' } }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message:
        'the browser build cannot pass a file path (passwd): upload the file with POST /api/upload and pass ' +
        'its upload id',
    });
    const anonymous = await fetch(`${server.origin}/api/upload`, { method: 'POST', body: 'a,b\r\n' });
    expect(anonymous.status).toBe(401);
    expect(uploadFolderEntries()).toEqual([]);
  });
});

describe('validating files in the desktop app (paths over IPC)', () => {
  it('checks the files where they are, leaves them in place, and refuses a relative path', async () => {
    const dir = tempDir();
    const entitiesPath = path.join(dir, 'entities.csv');
    fs.writeFileSync(entitiesPath, entitiesCsv());
    const desktop = serviceOverFolder(dir); // the desktop app's transport: IPC, files named by path
    const ipcClient = createServiceClient({ call: createDispatcher(desktop.service), onEvent: () => () => undefined });
    const report = await ipcClient.call('validate.upload', { entities: { name: 'entities.csv', path: entitiesPath } });
    expect(report.findings).toEqual((await validateCsvFiles({ entitiesPath })).findings);
    expect(report.files.entities!.path).toBe('entities.csv');
    expect(fs.readFileSync(entitiesPath, 'utf8')).toBe(entitiesCsv());
    await expect(
      ipcClient.call('validate.upload', { entities: { name: 'e.csv', path: 'e.csv' } }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'choose the file again: "e.csv" is not a full path' });
    await desktop.service.close();
    desktop.db.close();
  });
});

describe('validating files as a job (validate.start)', () => {
  it('ends with the report, the files named as chosen, progress in bytes, and the uploads deleted', async () => {
    const upload = async (text: string) =>
      (unwrapServiceResult(await httpClient.upload(new Blob([text])), 'upload') as { uploadId: string }).uploadId;
    const entities = { name: 'my entities.csv', uploadId: await upload(entitiesCsv()) };
    const relations = { name: 'my relations.csv', uploadId: await upload(relationsCsv()) };
    const started = await client.call('validate.start', { entities, relations });
    expect(started).toMatchObject({ kind: 'validate', status: 'running' });
    const job = await waitForJob(() => client.call('jobs.list', {}), started.id);
    expect(job.status).toBe('complete');
    const report = job.result as Awaited<ReturnType<typeof validateCsvFiles>>;
    expect(report.files.entities?.path).toBe('my entities.csv');
    expect(report.files.relations?.path).toBe('my relations.csv');
    expect(report.errorCount).toBeGreaterThan(5);
    expect(job.progress.bytesTotal).toBe(Buffer.byteLength(entitiesCsv()) + Buffer.byteLength(relationsCsv()));
    expect(JSON.stringify(job)).not.toContain(folderOfUploads);
    expect(uploadFolderEntries()).toEqual([]);
  });

  it('cancelled, ends as cancelled with no report, leaving the chosen file in place', async () => {
    const dir = tempDir();
    const entitiesPath = path.join(dir, 'entities.csv');
    const rows = Array.from({ length: 400_000 }, (_, i) => `okta,User ${i},identity,okta,00u${i},user,,\r\n`);
    fs.writeFileSync(entitiesPath, `${ENTITY_COLUMNS.join(',')}\r\n${rows.join('')}`);
    const desktop = serviceOverFolder(dir);
    const ipcClient = createServiceClient({ call: createDispatcher(desktop.service), onEvent: () => () => undefined });
    const started = await ipcClient.call('validate.start', { entities: { name: 'entities.csv', path: entitiesPath } });
    await ipcClient.call('jobs.cancel', { jobId: started.id });
    const job = await waitForJob(() => ipcClient.call('jobs.list', {}), started.id);
    expect(job.status).toBe('cancelled');
    expect(job.result).toBeUndefined();
    expect(job.error?.message).toMatch(/validation cancelled/);
    expect(fs.existsSync(entitiesPath)).toBe(true);
    await desktop.service.close();
    desktop.db.close();
  });
});
