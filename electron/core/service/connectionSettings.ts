// The saved connections without their secrets (org URL, auth kind, client id, token file path), kept as JSON in the
// data folder: the one in use (connection.json), every one saved (connections.json), and whether the sample org is in
// use instead. The sample org is kept apart so trying it never replaces a real one.
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from '../files/makeFolders';
import type { ConnectionInfo } from '../../../shared/service/types';

export type SavedConnection = Pick<ConnectionInfo, 'orgUrl' | 'authKind' | 'clientId' | 'tokenFile'>;

export class ConnectionSettings {
  private readonly file: string;
  private readonly listFile: string;
  private readonly sampleOrgMarker: string;

  constructor(dataFolder: string) {
    this.file = path.join(dataFolder, 'connection.json');
    this.listFile = path.join(dataFolder, 'connections.json');
    this.sampleOrgMarker = path.join(dataFolder, 'sample-org-in-use');
  }

  /** Every saved real connection, the one in use among them (one saved by an older version is listed too). */
  list(): SavedConnection[] {
    const current = this.read();
    const saved = this.readList();
    return current && !saved.some((entry) => entry.orgUrl === current.orgUrl) ? [current, ...saved] : saved;
  }

  /** Forgets a saved connection (and stops using it if it is the one in use); false when none has that URL. */
  remove(orgUrl: string): boolean {
    const before = this.list();
    const after = before.filter((entry) => entry.orgUrl !== orgUrl);
    if (after.length === before.length) return false;
    writePrivateJson(this.listFile, after);
    if (this.read()?.orgUrl === orgUrl) fs.rmSync(this.file, { force: true });
    return true;
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

  /** Makes the connection the one in use, and keeps it in the list of saved ones (replacing one of the same org). */
  write(connection: SavedConnection): void {
    writePrivateJson(this.file, { ...connection, isSampleOrg: false });
    const others = this.list().filter((entry) => entry.orgUrl !== connection.orgUrl);
    writePrivateJson(
      this.listFile,
      [...others, connection].sort((a, b) => a.orgUrl.localeCompare(b.orgUrl)),
    );
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

  private readList(): SavedConnection[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.listFile, 'utf8')) as unknown;
      return Array.isArray(parsed) ? (parsed as SavedConnection[]).filter(isSavedConnection) : [];
    } catch {
      return []; // none saved yet, or unreadable: the connections are saved again as they are used
    }
  }

  private readFile(): (SavedConnection & { isSampleOrg?: boolean }) | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as SavedConnection & { isSampleOrg?: boolean };
      return isSavedConnection(parsed) ? parsed : undefined;
    } catch {
      return undefined; // none saved yet, or unreadable: the user connects again
    }
  }
}

function isSavedConnection(value: unknown): value is SavedConnection {
  const entry = value as Partial<SavedConnection> | null;
  return typeof entry?.orgUrl === 'string' && (entry.authKind === 'ssws' || entry.authKind === 'oauth');
}

/** No secret in these files, but whose orgs they are: private, and replaced whole (never half-written). */
function writePrivateJson(file: string, value: unknown): void {
  makeFolders(path.dirname(file));
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(value, null, 2), { mode: 0o600 });
  fs.renameSync(temp, file);
}
