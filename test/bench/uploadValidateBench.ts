// Benchmark: the browser build checks a ~100 MB entities / relations pair — uploaded through the real HTTP service
// (POST /api/upload) and validated by upload id — while a client in another process pings the service. Reports the
// longest stall of the service's event loop, measured in the service's own process (this one), against an idle
// loop, the same check in a worker with no service (what a busy machine costs anyway), and the check run inline on
// the loop as a naive implementation would.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { once } from 'node:events';
import { formatCsvRecord } from '../../electron/core/balkanid/csvDialect';
import { validateCsvFiles } from '../../electron/core/balkanid/validator/index';
import { createDispatcher } from '../../electron/core/service/dispatcher';
import { startHttpTransport } from '../../electron/core/service/httpTransport';
import { runWorkerTask } from '../../electron/core/service/jobs/runWorkerTask';
import { UploadStore } from '../../electron/core/service/uploadStore';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../shared/balkanid/columns';
import { serviceOverFolder } from '../helpers/serviceOverFolder';

const USERS = 200_000;
const GROUPS = 5_000;
const MEMBERSHIPS = 720_000;

async function writeCsv(file: string, header: readonly string[], rows: () => Generator<string[]>): Promise<number> {
  const out = fs.createWriteStream(file);
  let pending = formatCsvRecord(header);
  for (const cells of rows()) {
    pending += formatCsvRecord(cells);
    if (pending.length < 1 << 20) continue;
    const chunk = pending;
    pending = '';
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end(pending);
  await once(out, 'finish');
  return fs.statSync(file).size;
}

const userId = (i: number) => `00u${String(i).padStart(17, '0')}`;
const groupId = (i: number) => `00g${String(i).padStart(17, '0')}`;

function* entityRows(): Generator<string[]> {
  for (let i = 0; i < USERS; i++) {
    yield [
      'okta',
      `User ${i}`,
      'identity',
      'okta',
      userId(i),
      'user',
      'v1',
      JSON.stringify({ username: `user${i}@bench.example.com`, status: 'ACTIVE' }),
    ];
  }
  for (let i = 0; i < GROUPS; i++) yield ['okta', `Group ${i}`, 'connection', 'okta', groupId(i), 'group', 'v1', ''];
}

function* relationRows(): Generator<string[]> {
  for (let i = 0; i < MEMBERSHIPS; i++) {
    yield [
      'okta',
      groupId(i % GROUPS),
      'connection',
      userId((i * 7919) % USERS),
      'identity',
      'okta',
      'v1',
      JSON.stringify({ privilegeName: 'member' }),
    ];
  }
}

/** Longest and 99th-percentile event-loop delay while `run` runs (on a shared machine the OS adds its own pauses). */
async function longestStall(run: () => Promise<unknown>): Promise<{ stallMs: number; p99Ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await run();
  histogram.disable();
  return { stallMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 };
}

interface ClientFigures {
  uploadMs: number;
  validateMs: number;
  pings: number;
  maxPingMs: number;
  rows: number;
  errors: number;
}

async function runClient(origin: string, secret: string, entities: string, relations: string): Promise<ClientFigures> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'uploadAndPingClient.mjs'), origin, secret, entities, relations],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`the upload client failed (exit ${code}): ${output}`);
  return JSON.parse(output) as ClientFigures;
}

export async function runUploadValidateBench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-prep-upload-bench-'));
  try {
    const entities = path.join(dir, 'entities.csv');
    const relations = path.join(dir, 'entity-relations.csv');
    const bytes =
      (await writeCsv(entities, ENTITY_COLUMNS, entityRows)) +
      (await writeCsv(relations, RELATION_COLUMNS, relationRows));
    const uploads = new UploadStore();
    const { service, db, events } = serviceOverFolder(dir, { transport: 'http', appVersion: 'bench', uploads });
    const server = await startHttpTransport({ dispatch: createDispatcher(service), events, uploads });

    // As when the window has loaded: the first call ever builds the params checker (~80 ms, once per process).
    await createDispatcher(service)('app.info', {});
    const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 3000)));
    let client: ClientFigures | undefined;
    const whileChecking = await longestStall(
      async () => (client = await runClient(server.origin, server.secret, entities, relations)),
    );
    const leftOver = fs.readdirSync(await uploads.ensureFolder()).length;
    const inline = await longestStall(() => validateCsvFiles({ entitiesPath: entities, relationsPath: relations }));
    // The floor on a busy machine: the same check in a worker thread with no service at all (this loop idle).
    const workerOnly = await longestStall(
      () =>
        runWorkerTask({ kind: 'validateFiles', entitiesPath: entities, relationsPath: relations }, () => {}).outcome,
    );

    await server.close();
    await service.close();
    db.close();
    return {
      'CSV pair size (MB)': +(bytes / 1e6).toFixed(1),
      'rows checked': client!.rows,
      'upload both files (s)': +(client!.uploadMs / 1000).toFixed(1),
      'validate in worker (s)': +(client!.validateMs / 1000).toFixed(1),
      'service: longest event-loop stall (ms)': +whileChecking.stallMs.toFixed(1),
      'idle event loop, longest stall (ms)': +idle.stallMs.toFixed(1),
      'service: 99th-percentile loop delay (ms)': +whileChecking.p99Ms.toFixed(1),
      'idle event loop, 99th-percentile delay (ms)': +idle.p99Ms.toFixed(1),
      'pings answered during upload + validation': client!.pings,
      'slowest ping round trip (ms)': +client!.maxPingMs.toFixed(1),
      'reference: same check in a worker, no service, longest stall (ms)': +workerOnly.stallMs.toFixed(1),
      'reference: validate inline, longest stall (ms)': +inline.stallMs.toFixed(1),
      'upload temp files left afterwards': leftOver,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
