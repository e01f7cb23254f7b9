// The app's service as the desktop app or `okta-prep serve` starts it over a data folder, for tests and benchmarks:
// a real SQLite file in the folder, an event hub, and an in-memory secret store unless one is given.
import path from 'node:path';
import { createEventHub } from '../../electron/core/service/eventHub';
import { createOktaPrepService, type ServiceDependencies } from '../../electron/core/service/oktaPrepService';
import { MemorySecretStore } from '../../electron/core/service/secretStore';
import type { EventHub } from '../../electron/core/service/eventHub';
import { openDatabase, type Db } from '../../electron/core/store/openDatabase';

export interface ServiceOverFolder {
  service: ReturnType<typeof createOktaPrepService>;
  db: Db;
  dbPath: string;
  events: EventHub;
}

type Overrides = Partial<
  Pick<ServiceDependencies, 'secrets' | 'transport' | 'uploads' | 'appVersion' | 'defaultExportFolder' | 'chooseFolder'>
>;

/** A second call on the same folder is a restart: same database file, same saved connection. */
export function serviceOverFolder(dataFolder: string, overrides: Overrides = {}): ServiceOverFolder {
  const dbPath = path.join(dataFolder, 'okta-prep.sqlite');
  const db = openDatabase(dbPath);
  const events = createEventHub();
  const service = createOktaPrepService({
    db,
    dbPath,
    dataFolder,
    secrets: overrides.secrets ?? new MemorySecretStore(),
    events,
    transport: overrides.transport ?? 'ipc',
    appVersion: overrides.appVersion ?? 'test',
    ...(overrides.uploads && { uploads: overrides.uploads }),
    ...(overrides.defaultExportFolder && { defaultExportFolder: overrides.defaultExportFolder }),
    ...(overrides.chooseFolder && { chooseFolder: overrides.chooseFolder }),
  });
  return { service, db, dbPath, events };
}
