// Builds the service for the desktop app: the same user-data folder and cache as the CLI, credentials in safeStorage.
import { app, safeStorage, shell } from 'electron';
import { APP_VERSION, defaultDatabasePath, userDataFolder } from '../core/appInfo';
import { createOktaPrepService } from '../core/service/oktaPrepService';
import { openDatabase } from '../core/store/openDatabase';
import { chooseExportFolder } from './chooseExportFolder';
import type { ServiceFactory } from './main';
import { SafeStorageSecretStore } from './safeStorageSecretStore';

export const createDesktopService: ServiceFactory = ({ events }) => {
  const dataFolder = userDataFolder();
  app.setPath('userData', dataFolder); // one folder for the app and the okta-prep command
  const dbPath = defaultDatabasePath();
  const service = createOktaPrepService({
    // The app's own folder: created 0700 (tightened if looser), the cache 0600; what was tightened goes to the log.
    db: openDatabase(dbPath, { ownsFolder: true, onNotice: (notice) => console.warn(`note: ${notice}`) }),
    dbPath,
    dataFolder,
    secrets: new SafeStorageSecretStore(safeStorage, dataFolder),
    events,
    transport: 'ipc',
    appVersion: APP_VERSION,
    openFolder: (folder) => shell.openPath(folder),
    chooseFolder: chooseExportFolder,
  });
  app.on('will-quit', () => void service.close());
  return service;
};
