// The saved connection without its secret (org URL, auth kind, client id, token file path), kept as JSON in the data
// folder, and
// whether the sample org is in use instead. The two are kept apart so trying the sample org never replaces a real one.
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../files/makeFolders';
import type { ConnectionInfo } from '../../../shared/service/types';

export type SavedConnection = Pick<ConnectionInfo, 'orgUrl' | 'authKind' | 'clientId' | 'tokenFile'>;

export class ConnectionSettings {
  private readonly file: string;
  private readonly sampleOrgMarker: string;

  constructor(dataFolder: string) {
    this.file = path.join(dataFolder, 'connection.json');
    this.sampleOrgMarker = path.join(dataFolder, 'sample-org-in-use');
  }

  /** The saved real connection, if any (an older version saved the sample org here: that is not one). */
  read(): SavedConnection | undefined {
    const parsed = this.readFile();
    if (!parsed || parsed.isSampleOrg === true) return undefined;
    return {
      orgUrl: parsed.orgUrl,
      authKind: parsed.authKind,
      ...(parsed.clientId ? { clientId: parsed.clientId } : {}),
      ...(parsed.tokenFile ? { tokenFile: parsed.tokenFile } : {}),
    };
  }

  write(connection: SavedConnection): void {
    makeFolders(path.dirname(this.file));
    const temp = `${this.file}.${process.pid}.tmp`;
    // no secret in it, but whose org it is
    fs.writeFileSync(temp, JSON.stringify({ ...connection, isSampleOrg: false }, null, 2), { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }

  usesSampleOrg(): boolean {
    return fs.existsSync(this.sampleOrgMarker) || this.readFile()?.isSampleOrg === true;
  }

  /** Switches to the sample org (true) or back to the saved connection (false); the saved connection is not touched. */
  useSampleOrg(inUse: boolean): void {
    if (inUse) {
      makeFolders(path.dirname(this.sampleOrgMarker));
      fs.writeFileSync(this.sampleOrgMarker, '');
    } else {
      fs.rmSync(this.sampleOrgMarker, { force: true });
    }
  }

  private readFile(): (SavedConnection & { isSampleOrg?: boolean }) | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as SavedConnection & { isSampleOrg?: boolean };
      return typeof parsed.orgUrl === 'string' && (parsed.authKind === 'ssws' || parsed.authKind === 'oauth')
        ? parsed
        : undefined;
    } catch {
      return undefined; // none saved yet, or unreadable: the user connects again
    }
  }
}
