// File > Open snapshot…: picks a portable snapshot file and has the service open it read-only, then says what it
// holds, or why it cannot be opened (damaged, from a newer Okta Prep). Reviewing it on a screen comes later.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { ServiceImplementation } from '../../shared/service/contract';

/** The extension `okta-prep snapshot export` files are suggested to have; any file may be picked. */
export const SNAPSHOT_FILE_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'Okta Prep snapshot', extensions: ['okta-snapshot', 'sqlite'] },
  { name: 'All files', extensions: ['*'] },
];

export async function openSnapshotFromMenu(
  window: BrowserWindow | null,
  service: Pick<ServiceImplementation, 'snapshot.openPortable'> | null,
): Promise<void> {
  if (!service) return;
  const options: OpenDialogOptions = {
    title: 'Open snapshot',
    properties: ['openFile'],
    filters: SNAPSHOT_FILE_FILTERS,
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const file = choice.filePaths[0];
  if (choice.canceled || file === undefined) return;
  try {
    const opened = await service['snapshot.openPortable']({ path: file });
    const counts = Object.entries(opened.snapshot.counts ?? {})
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ');
    await dialog.showMessageBox({
      type: 'info',
      message: `Snapshot ${opened.snapshotId} of ${opened.orgUrl}`,
      detail:
        `Pulled ${opened.snapshot.startedAt}, exported ${opened.exportedAt} by Okta Prep ${opened.appVersion}. ` +
        `${counts}. Opened read-only: the file is not changed.`,
    });
  } catch (error) {
    await dialog.showMessageBox({
      type: 'error',
      message: 'This snapshot file cannot be opened',
      detail: (error as Error).message,
    });
  }
}
