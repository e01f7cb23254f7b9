// What a pull noticed but did not stop for. Each warning is said once per code and subject, written to the
// snapshot's log at once (so it survives a crash and a resumed pull does not say it again), and handed to the
// listener that shows it (the CLI's stderr, the app's progress card).
import type { Db } from '../store/openDatabase';
import type { WarningSink } from '../okta/warningSink';
import { appendSnapshotLog, listSnapshotLog } from '../store/snapshotLog';

export interface PullWarning {
  code: string;
  message: string;
}

const keyOf = (code: string, subject: string) => `${code}\u0000${subject}`;

export class PullWarnings {
  private readonly said = new Set<string>();
  private readonly warnings: PullWarning[] = [];

  constructor(
    private readonly db: Db,
    private readonly snapshotId: number,
    private readonly onWarning?: (warning: PullWarning) => void,
  ) {
    for (const entry of listSnapshotLog(db, snapshotId)) {
      this.said.add(keyOf(entry.code, entry.subject));
      this.warnings.push({ code: entry.code, message: entry.message });
    }
  }

  /** Records and shows `message`, unless a warning with this code and subject was already said for this snapshot. */
  warn(code: string, subject: string, message: string): void {
    const key = keyOf(code, subject);
    if (this.said.has(key)) return;
    this.said.add(key);
    appendSnapshotLog(this.db, this.snapshotId, { code, subject, message });
    this.warnings.push({ code, message });
    this.onWarning?.({ code, message });
  }

  readonly sink: WarningSink = (code, subject, message) => this.warn(code, subject, message);

  list(): PullWarning[] {
    return [...this.warnings];
  }
}
