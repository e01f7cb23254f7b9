// `okta-prep serve`: runs the app's service with the browser build on 127.0.0.1 and prints the URL to open
// (the URL carries a per-run secret; without it the service answers nothing). Builds the browser app on first use.
import path from 'node:path';
import { APP_VERSION, defaultDatabasePath, userDataFolder } from '../../core/appInfo';
import { createCsvDownloads } from '../../core/service/csvDownloads';
import { createDispatcher } from '../../core/service/dispatcher';
import { createEventHub, type EventHub } from '../../core/service/eventHub';
import { startHttpTransport } from '../../core/service/httpTransport';
import { createOktaPrepService } from '../../core/service/oktaPrepService';
import { MemorySecretStore } from '../../core/service/secretStore';
import { DEFAULT_MAX_UPLOAD_BYTES, UploadStore } from '../../core/service/uploadStore';
import type { Db } from '../../core/store/openDatabase';
import { ensureBrowserBuild } from '../browserBuild';
import { parseByteSize, type CliValues } from '../cliArgs';
import { EXIT, usageError, type ExitCode } from '../cliErrors';
import type { CliEnvironment } from '../cliOutput';
import { openCache } from '../openCache';

export async function runServeCommand(values: CliValues, context: CliEnvironment): Promise<ExitCode> {
  const port = portOf(values);
  const uploads = new UploadStore(
    parseByteSize(values['max-upload-bytes'], '--max-upload-bytes') ?? DEFAULT_MAX_UPLOAD_BYTES,
  );
  const staticDir = await ensureBrowserBuild({
    staticDir: values.static ? path.resolve(values.static) : undefined,
    note: (line) => context.out.note(line),
  });
  const db = openCache(values, context);
  const events = createEventHub();
  const service = browserBuildService({ values, context, db, events, uploads });
  const transport = await startHttpTransport({
    dispatch: createDispatcher(service, { logger: (line) => context.out.note(line) }),
    events,
    staticDir,
    port,
    uploads,
    csvDownloads: createCsvDownloads(db),
  });
  if (values.json) context.out.json({ url: transport.url, origin: transport.origin, secret: transport.secret });
  else
    context.out.result(
      `Okta Prep is running. Open this address in a browser (it holds this run's secret):\n  ` +
        `${transport.url}\nStop with Ctrl-C.`,
    );
  await untilAborted(context.signal);
  await transport.close();
  await service.close();
  db.close();
  return EXIT.ok;
}

function portOf(values: CliValues): number {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usageError(`--port must be a port number, not "${values.port}"`);
  return port;
}

/** Serving goes on until the command is stopped (Ctrl-C aborts the signal). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The service behind the browser build: secrets in memory only, files to check uploaded over HTTP. */
function browserBuildService(parts: {
  values: CliValues;
  context: CliEnvironment;
  db: Db;
  events: EventHub;
  uploads: UploadStore;
}): ReturnType<typeof createOktaPrepService> {
  const { values, context, db, events, uploads } = parts;
  const dbPath = path.resolve(values.db ?? defaultDatabasePath(context.env));
  return createOktaPrepService({
    db,
    dbPath,
    dataFolder: values.db ? path.dirname(dbPath) : userDataFolder(context.env),
    secrets: new MemorySecretStore(),
    events,
    transport: 'http',
    appVersion: APP_VERSION,
    defaultExportFolder: context.env.OKTA_PREP_EXPORT_DIR,
    uploads,
  });
}
