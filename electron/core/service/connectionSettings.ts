// The saved connection without its secret (org URL, auth kind, client id, token file path), kept as JSON in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectionInfo } from '../../../shared/service/types';

export type SavedConnection = Pick<ConnectionInfo, 'orgUrl' | 'authKind' | 'clientId' | 'tokenFile' | 'isSampleOrg'>;

export class ConnectionSettings {
  private readonly file: string;

  constructor(dataFolder: string) {
    this.file = path.join(dataFolder, 'connection.json');
  }

  read(): SavedConnection | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as SavedConnection;
      return typeof parsed.orgUrl === 'string' && (parsed.authKind === 'ssws' || parsed.authKind === 'oauth') ? parsed : undefined;
    } catch {
      return undefined; // none saved yet, or unreadable: the user connects again
    }
  }

  write(connection: SavedConnection): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(connection, null, 2), { mode: 0o600 }); // no secret in it, but whose org it is
    fs.renameSync(temp, this.file);
  }
}
