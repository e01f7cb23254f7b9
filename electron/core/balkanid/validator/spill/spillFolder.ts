// The private temporary folder a validation spills to, created only when something is spilled, removed at the end
// (also after a failure or a cancel).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class SpillFolder {
  private dir: string | undefined;

  /** `parent` is where the folder goes (the system temp folder by default). */
  constructor(private readonly parent: string = os.tmpdir()) {}

  get path(): string {
    this.dir ??= fs.mkdtempSync(path.join(this.parent, 'okta-prep-validate-'));
    return this.dir;
  }

  get used(): boolean {
    return this.dir !== undefined;
  }

  remove(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
