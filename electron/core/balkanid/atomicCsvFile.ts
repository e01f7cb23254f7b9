// Writes one CSV file atomically: streams UTF-8 records into a temp file beside the target, hashing as it goes, then
// renames.
import { createHash } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { limitedStep, type FileStepLimit } from '../files/fileStepLimit';
import { PRIVATE_FILE_MODE } from '../files/privateModes';
import { formatCsvRecord } from './csvDialect';
import { tempPathFor } from './exportTempNames';

export interface CsvFileSummary {
  /** Absolute final path. */
  path: string;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
  /** Data records written, header excluded. */
  rows: number;
  bytes: number;
}

/**
 * Where a file's bytes go besides the disk (a check running beside the export): each buffer is pushed, in order, once
 * it is written (the buffer is the tee's then: it may move it to another thread), and the writer waits for `ready`
 * before it makes more.
 */
export interface ByteTee {
  push(bytes: Uint8Array): void;
  ready(): Promise<void>;
}

type WriterState = 'writing' | 'finished' | 'published' | 'aborted';

/**
 * Records are encoded into a buffer of this many bytes, written (and hashed) when full: memory stays flat however many
 * rows are written, and a megabyte per write keeps the system calls few for files of a gigabyte.
 */
const BUFFER_BYTES = 1024 * 1024;
/**
 * Records are first joined into a string of about this many UTF-16 units and encoded together: one encoding call per
 * record cost more than formatting it (1 s per million rows, measured). Kept under V8's 128 KiB limit for ordinary
 * heap objects, above which a string costs several times more to build.
 */
const TEXT_BATCH_UNITS = 32 * 1024;

/**
 * Lifecycle: create → writeRecord* → finish (flush + fsync the temp file) → publish (rename to the final name).
 * `commit()` does both. `abort()` at any point before publish removes the temp file; any write error aborts by itself.
 * For a bundle, finish every file first and publish only when all finished (see commitAll).
 */
export class AtomicCsvFile {
  private state: WriterState = 'writing';
  /** Full buffers not yet handed to the disk, then the one being filled (`used` bytes of it). */
  private full: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Records joined but not yet encoded into the buffer. */
  private text = '';
  private writes: Promise<void> = Promise.resolve();
  private readonly hash = createHash('sha256');
  private rowCount = 0;
  private byteCount = 0;
  private summary: CsvFileSummary | undefined;

  private constructor(
    readonly finalPath: string,
    readonly tempPath: string,
    private handle: FileHandle | undefined,
    private readonly limit: FileStepLimit | undefined,
    private readonly tee: ByteTee | undefined,
  ) {}

  /**
   * Opens a fresh temp file in the destination folder and writes the header. Throws a clear error if the folder is
   * missing. The file is private (0600) unless a looser mode is asked for; set exactly, whatever the umask. With a
   * `limit`, each file-system call (open, write, fsync, close, rename) ends with an error after its time limit or
   * when the signal aborts. With a `tee`, every byte written (header included) goes to it too, in order.
   */
  static async create(
    finalPath: string,
    header: readonly string[],
    mode: number = PRIVATE_FILE_MODE,
    limit?: FileStepLimit,
    tee?: ByteTee,
  ): Promise<AtomicCsvFile> {
    const target = path.resolve(finalPath);
    const folder = path.dirname(target);
    const tempPath = tempPathFor(target);
    let handle: FileHandle;
    try {
      handle = await limitedStep(`creating ${tempPath}`, () => open(tempPath, 'wx', mode), limit);
    } catch (error) {
      throw new Error(describeCreateError(target, folder, error), { cause: error });
    }
    const file = new AtomicCsvFile(target, tempPath, handle, limit, tee);
    if (process.platform !== 'win32')
      await file.step('setting its mode', () => handle.chmod(mode)).catch((error: unknown) => file.fail(error));
    await file.append(header, false);
    return file;
  }

  get rows(): number {
    return this.rowCount;
  }

  /** What finish() returned: the checksum, rows and bytes of the finished file. */
  get finishedSummary(): CsvFileSummary {
    if (!this.summary) throw new Error(`cannot summarise ${this.finalPath}: the writer is still ${this.state}`);
    return this.summary;
  }

  /**
   * Appends one data record. Resolves at once unless a buffer flush is due, so awaiting each call keeps memory bounded.
   */
  async writeRecord(cells: readonly string[]): Promise<void> {
    await this.append(cells, true);
  }

  /**
   * Appends one data record already in the upload dialect (formatCsvRecord's text, CRLF included) without waiting:
   * true when the buffer is full, and the caller must await drain() before adding more. For millions of rows, where
   * a promise per row (writeRecord) costs more than the row.
   */
  addFormattedRecord(line: string): boolean {
    this.assertState('writing', 'write to');
    this.rowCount++;
    this.text += line;
    if (this.text.length >= TEXT_BATCH_UNITS) this.encodeText();
    return this.full.length > 0;
  }

  /**
   * Hands the buffered records to the disk and waits for the write before it only, so the next buffer is made while
   * this one is written (two buffers at most). A write error aborts the file.
   */
  async drain(): Promise<void> {
    const previous = this.writes;
    void this.flush().catch(() => undefined); // its error surfaces in the next drain or in finish
    try {
      await previous;
      await this.tee?.ready();
    } catch (error) {
      return this.fail(error);
    }
  }

  /** Flushes, fsyncs and closes the temp file; the final name is not touched yet. */
  async finish(): Promise<CsvFileSummary> {
    this.assertState('writing', 'finish');
    try {
      await this.flush();
      await this.step('saving it to disk (fsync)', () => this.handle!.sync());
      await this.step('closing it', () => this.handle!.close());
      this.handle = undefined;
    } catch (error) {
      return this.fail(error);
    }
    this.state = 'finished';
    this.summary = {
      path: this.finalPath,
      sha256: this.hash.digest('hex'),
      rows: this.rowCount,
      bytes: this.byteCount,
    };
    return this.summary;
  }

  /** Renames the finished temp file to the final name (replacing an older file) and syncs the folder entry. */
  async publish(): Promise<CsvFileSummary> {
    this.assertState('finished', 'publish');
    try {
      await this.step(`renaming it to ${path.basename(this.finalPath)}`, () => rename(this.tempPath, this.finalPath));
    } catch (error) {
      return this.fail(error);
    }
    this.state = 'published';
    await syncFolder(path.dirname(this.finalPath), this.limit);
    return this.summary!;
  }

  /** finish() then publish(). */
  async commit(): Promise<CsvFileSummary> {
    await this.finish();
    return this.publish();
  }

  /** Removes the temp file; safe to call repeatedly and after errors. Does nothing once published. */
  async abort(): Promise<void> {
    if (this.state === 'published' || this.state === 'aborted') return;
    this.state = 'aborted';
    await this.writes.catch(() => undefined);
    const handle = this.handle;
    this.handle = undefined;
    // Clean-up runs after a cancel too: time-limited, but not stopped by the (already aborted) signal.
    const cleanUp = this.limit && { limitMs: this.limit.limitMs };
    await limitedStep('closing', () => handle?.close() ?? Promise.resolve(), cleanUp).catch(() => undefined);
    await limitedStep('removing', () => unlink(this.tempPath), cleanUp).catch(() => undefined);
  }

  /** One file-system call on this file, within the time limit when there is one. */
  private step<T>(what: string, call: () => Promise<T>): Promise<T> {
    return limitedStep(`${what} (${this.tempPath})`, call, this.limit);
  }

  /** Removes a published file again; used only to undo a half-published bundle. */
  async retract(): Promise<void> {
    if (this.state !== 'published') return;
    this.state = 'aborted';
    await unlink(this.finalPath).catch(() => undefined);
  }

  private async append(cells: readonly string[], isDataRow: boolean): Promise<void> {
    this.assertState('writing', 'write to');
    let text: string;
    try {
      text = formatCsvRecord(cells);
    } catch (error) {
      return this.fail(error);
    }
    if (isDataRow) this.rowCount++;
    this.text += text;
    this.encodeText();
    if (this.full.length > 0) {
      try {
        await this.flush();
      } catch (error) {
        return this.fail(error);
      }
    }
  }

  /** Queues the buffered text as one write; writes stay in order even if callers do not await. */
  private flush(): Promise<void> {
    this.encodeText();
    if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
    for (const bytes of this.full) {
      this.hash.update(bytes);
      this.byteCount += bytes.length;
      this.writes = this.writes.then(() => this.step('writing to it', () => writeFully(this.handle!, bytes)));
      // Handed over once on disk: the tee may take the memory itself (no copy), which a pending write still reads.
      if (this.tee) this.writes = this.writes.then(() => this.tee!.push(bytes));
    }
    if (this.used > 0) this.buffer = Buffer.allocUnsafe(BUFFER_BYTES); // the old one is still being written
    this.full = [];
    this.used = 0;
    return this.writes;
  }

  private encodeText(): void {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    this.put(text);
  }

  /** Encodes text into the buffer; when it may not fit (3 bytes per UTF-16 unit at most), the buffer is full first. */
  private put(text: string): void {
    if (text.length * 3 > BUFFER_BYTES - this.used) {
      if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, text.length * 3));
      this.used = 0;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private async fail(error: unknown): Promise<never> {
    await this.abort();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot write ${this.finalPath}: ${reason}`, { cause: error });
  }

  private assertState(expected: WriterState, action: string): void {
    if (this.state !== expected) {
      throw new Error(`cannot ${action} ${this.finalPath}: the writer is already ${this.state}`);
    }
  }
}

/**
 * Finishes every file, then publishes them all. If any file fails to finish, every temp file is removed and nothing is
 * published. If a rename fails part-way, files already published by this call are removed again, so the bundle never
 * appears half-written (an older file under the same name is gone in that rare case, having been replaced).
 */
export async function commitAll(files: readonly AtomicCsvFile[]): Promise<CsvFileSummary[]> {
  const summaries: CsvFileSummary[] = [];
  try {
    for (const file of files) summaries.push(await file.finish());
  } catch (error) {
    await Promise.all(files.map((file) => file.abort()));
    throw error;
  }
  const published: AtomicCsvFile[] = [];
  try {
    for (const file of files) {
      await file.publish();
      published.push(file);
    }
  } catch (error) {
    await Promise.all(files.map((file) => file.abort()));
    await Promise.all(published.map((file) => file.retract()));
    throw error;
  }
  return summaries;
}

/**
 * Writes header and rows to finalPath atomically; on any error (including one thrown by `rows`) nothing is left behind.
 */
export async function writeCsvFileAtomically(
  finalPath: string,
  header: readonly string[],
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  mode: number = PRIVATE_FILE_MODE,
): Promise<CsvFileSummary> {
  const file = await AtomicCsvFile.create(finalPath, header, mode);
  try {
    for await (const cells of rows) await file.writeRecord(cells);
    return await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}

async function writeFully(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Makes a rename durable; folders cannot be opened for sync on every platform, so failure is ignored (a step that does
 * not answer in time too: the rename itself is done).
 */
export async function syncFolder(folder: string, limit?: FileStepLimit): Promise<void> {
  try {
    const handle = await limitedStep(`opening the folder ${folder}`, () => open(folder, 'r'), limit);
    try {
      await limitedStep(`saving the folder ${folder} (fsync)`, () => handle.sync(), limit);
    } finally {
      await limitedStep(`closing the folder ${folder}`, () => handle.close(), limit);
    }
  } catch {
    // best effort
  }
}

function describeCreateError(target: string, folder: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `cannot create ${target}: the folder ${folder} does not exist (ENOENT)`;
  if (code === 'ENOTDIR') return `cannot create ${target}: ${folder} is not a folder (ENOTDIR)`;
  if (code === 'EACCES' || code === 'EPERM')
    return `cannot create ${target}: no permission to write in ${folder} (${code})`;
  return `cannot create ${target}: ${error instanceof Error ? error.message : String(error)}`;
}
