// The output folders the Export screen used, most recent first (recent-export-folders.json in the data folder, 0600):
// the folder field starts at the last one, and the browser build offers the others as suggestions. Folder paths only,
// nothing from Okta.
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../files/makeFolders';

export const RECENT_EXPORT_FOLDERS_FILE = 'recent-export-folders.json';
const KEPT = 8;

export class RecentExportFolders {
  private readonly file: string;

  constructor(private readonly dataFolder: string) {
    this.file = path.join(dataFolder, RECENT_EXPORT_FOLDERS_FILE);
  }

  /** Most recent first; none when nothing was saved or the file cannot be read (it is rewritten on the next use). */
  list(): string[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Puts `folder` first (once), keeping the KEPT most recent; written atomically. */
  remember(folder: string): void {
    const folders = [folder, ...this.list().filter((entry) => entry !== folder)].slice(0, KEPT);
    makeFolders(this.dataFolder, 0o700);
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(folders, null, 2), { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}
