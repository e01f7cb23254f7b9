// The real service (and its validating dispatcher) on a database a test already opened, with nothing connected.
import { createDispatcher } from '../../electron/core/service/dispatcher';
import { createEventHub } from '../../electron/core/service/eventHub';
import { createOktaPrepService } from '../../electron/core/service/oktaPrepService';
import { MemorySecretStore } from '../../electron/core/service/secretStore';
import type { Db } from '../../electron/core/store/openDatabase';

export function serviceOnDb(db: Db, dataFolder: string) {
  const service = createOktaPrepService({
    db,
    dbPath: db.name,
    dataFolder,
    secrets: new MemorySecretStore(),
    events: createEventHub(),
    transport: 'http',
    appVersion: 'test',
  });
  return { service, dispatch: createDispatcher(service, { logger: () => {} }) };
}
