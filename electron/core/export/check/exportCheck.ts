// The export's side of the check that runs beside it: starts the worker, hands it each file's bytes as they are
// written (a copy; the original goes to disk), keeps the worker's lead bounded, and waits for its report.
import type { Worker } from 'node:worker_threads';
import type { BundleCsvFile } from '../../../../shared/balkanid/bundleFileNames';
import type { ValidationReport } from '../../../../shared/balkanid/findings';
import type { ByteTee } from '../../balkanid/atomicCsvFile';
import type { MemoryLimits } from '../../balkanid/validator/index';
import { startWorker } from '../../workers/workerEntry';
import type { ExportCheckSetup, FromExportCheck, ToExportCheck } from './exportCheckMessages';

/**
 * Bytes handed to the worker and not yet taken off its queue before the export waits: enough that neither side waits
 * for the other in the usual case (the check runs about as fast as the writing), little enough to keep memory flat.
 */
const MAX_BYTES_AHEAD = 4 * 1024 * 1024;

/**
 * What the check keeps in memory before it spills to disk: less than a validation on its own (DEFAULT_MEMORY_LIMITS),
 * as it shares the process with the export's SQLite reads and buffers, and the whole stays under 250 MB at 10 million
 * relations. A million relations still fit (1,100,000 pairs).
 */
export const EXPORT_CHECK_MEMORY_LIMITS: MemoryLimits = {
  entityIndexBytes: 24 * 1024 * 1024,
  maxPairKeysInMemory: 1_100_000,
  maxTextKeyBytesInMemory: 8 * 1024 * 1024,
};

/**
 * The memory to move with the bytes instead of copying it: a writer's own buffer, never a slice of Node's shared pool
 * of small buffers (moving it would empty every other buffer in it).
 */
function ownMemory(bytes: Uint8Array): ArrayBuffer[] {
  const memory = bytes.buffer;
  return memory instanceof ArrayBuffer && memory.byteLength > Buffer.poolSize ? [memory] : [];
}

export class ExportCheck {
  private bytesAhead = 0;
  private wakeWriter: (() => void) | undefined;
  private readonly outcome: Promise<ValidationReport>;
  private stopped = false;

  private constructor(private readonly worker: Worker) {
    this.outcome = new Promise<ValidationReport>((resolve, reject) => {
      worker.on('message', (message: FromExportCheck) => {
        if (message.type === 'taken') this.taken(message.bytes);
        else if (message.type === 'done') resolve(message.report);
        else reject(new Error(`checking the files failed: ${message.message}`));
      });
      worker.on('error', (error) => reject(new Error(`checking the files stopped unexpectedly: ${error.message}`)));
      worker.on('exit', (code) => reject(new Error(`checking the files stopped unexpectedly (exit code ${code})`)));
    });
    this.outcome.catch(() => this.wakeWriter?.()); // a failed check must not leave the writer waiting
  }

  static start(setup: ExportCheckSetup): ExportCheck {
    const worker = startWorker('exportCheckWorker', new URL('./exportCheckWorker.ts', import.meta.url), {
      workerData: { memoryLimits: EXPORT_CHECK_MEMORY_LIMITS, ...setup },
    });
    return new ExportCheck(worker);
  }

  /** Starts the next part of `file` and gives the tee its bytes go through. */
  part(file: BundleCsvFile, name: string): ByteTee {
    this.send({ type: 'part', file, name });
    return {
      push: (bytes) => {
        this.bytesAhead += bytes.byteLength;
        this.send({ type: 'bytes', file, bytes }, ownMemory(bytes));
      },
      ready: () => this.room(),
    };
  }

  /** No more parts or bytes of `file`. */
  end(file: BundleCsvFile): void {
    this.send({ type: 'end', file });
  }

  /** The report, once every file has been handed over and ended. */
  async report(): Promise<ValidationReport> {
    try {
      return await this.outcome;
    } finally {
      await this.stop();
    }
  }

  /** Ends the worker (at once; a check that is not finished gives no report). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.worker.removeAllListeners('exit');
    this.outcome.catch(() => undefined);
    await this.worker.terminate();
  }

  private send(message: ToExportCheck, transfer: ArrayBuffer[] = []): void {
    if (!this.stopped) this.worker.postMessage(message, transfer);
  }

  private taken(bytes: number): void {
    this.bytesAhead -= bytes;
    if (this.bytesAhead <= MAX_BYTES_AHEAD) this.wakeWriter?.();
  }

  /** Resolves when the worker is close enough behind; rejects when the check failed. */
  private room(): Promise<void> {
    if (this.bytesAhead <= MAX_BYTES_AHEAD) return Promise.resolve();
    return Promise.race([
      new Promise<void>((resolve) => (this.wakeWriter = resolve)),
      this.outcome.then(() => undefined),
    ]);
  }
}
